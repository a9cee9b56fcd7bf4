import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.util.Map;
import java.util.TreeMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How many documents the service wrote per routed petition in a benchmark run, by collection and kind of write, read
 * from the store's oplog (every insert and every modified document is one entry there, and the local store writes
 * that entry as a document of its own). Run as a source file after the load, before the store stops:
 * {@code java -cp <local-stack lib> StoreWrites.java mongodb://127.0.0.1:PORT DATABASE}.
 */
public final class StoreWrites {

    private StoreWrites() {
    }

    private static Map<String, long[]> count(MongoClient client, String database) {
        Map<String, long[]> byCollection = new TreeMap<>();
        Flux.from(client.getDatabase("local").getCollection("oplog.rs").find()).toIterable().forEach(entry -> {
            String ns = entry.getString("ns");
            if (ns == null || !ns.startsWith(database + ".")) {
                return;
            }
            long[] counts = byCollection.computeIfAbsent(ns.substring(database.length() + 1), k -> new long[2]);
            counts["i".equals(entry.getString("op")) ? 0 : 1]++;
        });
        return byCollection;
    }

    public static void main(String[] args) {
        String uri = args[0];
        String database = args[1];
        try (MongoClient client = MongoClients.create(uri)) {
            long petitions = Mono.from(client.getDatabase(database).getCollection("incidents").countDocuments()).block();
            Map<String, long[]> byCollection = null;
            // The local store's file compacts while it is read; a read that meets a moved chunk is simply repeated.
            for (int attempt = 1; byCollection == null; attempt++) {
                try {
                    byCollection = count(client, database);
                } catch (RuntimeException e) {
                    if (attempt == 5) {
                        throw e;
                    }
                }
            }
            long inserts = byCollection.values().stream().mapToLong(c -> c[0]).sum();
            long updates = byCollection.values().stream().mapToLong(c -> c[1]).sum();
            StringBuilder out = new StringBuilder(String.format(
                    "store writes per routed petition (%d petitions): %.2f inserts + %.2f updated documents, each also an"
                            + " oplog entry in the local store%n", petitions, inserts / (double) petitions,
                    updates / (double) petitions));
            byCollection.forEach((collection, c) -> out.append(String.format("  %-20s %6.2f inserts %6.2f updates%n",
                    collection, c[0] / (double) petitions, c[1] / (double) petitions)));
            System.out.print(out);
        }
    }
}
