package org.xinfang.localstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The store's cost per hot-path operation of the services at 1,000, 10,000 and 100,000 documents per collection, with
 * the services' own filters, updates and indexes (copied from their persistence classes): as the store was
 * (mongo-java-server's H2 backend, answering before the disk has the write) and as it is ({@link LocalStore}: indexes
 * used, every write synced before its reply), and indexed without the sync to tell the two apart.
 *
 * <p>{@code ./mvnw -B -pl local-stack -am verify -Dit.test=StoreHotPathsBenchmarkIT -Dbenchmark=true -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false} (sizes with {@code -Dbench.sizes=1000,10000,100000}, the old store only up to
 * {@code -Dbench.before-up-to=10000}, the stores with {@code -Dbench.modes=INDEXED_SYNCED}); the table goes to
 * {@code local-stack/target/benchmark/store-hot-paths.txt}. One client, one operation at a time: a latency per
 * operation, not a throughput.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class StoreHotPathsBenchmarkIT {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final int SCHOOLS = 200;

    @TempDir
    Path folder;

    private enum Mode { BEFORE, INDEXED_NO_SYNC, INDEXED_SYNCED }

    @Test
    void hotPathsAtGrowingSizes() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "1000,10000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Map<String, Map<String, Double>> medians = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-26s %-16s %8s %10s %10s %10s%n", "operation", "store", "documents",
                "p50 ms", "mean ms", "p90 ms"));
        // The store as it was reads every document for most of these: above this size it takes minutes per row.
        int beforeUpTo = Integer.getInteger("bench.before-up-to", 10_000);
        Path report = Path.of("target", "benchmark", "store-hot-paths.txt");
        Files.createDirectories(report.getParent());
        List<Mode> modes = Arrays.stream(System.getProperty("bench.modes", "BEFORE,INDEXED_NO_SYNC,INDEXED_SYNCED")
                .split(",")).map(Mode::valueOf).toList();
        for (Mode mode : modes) {
            for (int size : sizes) {
                if (mode == Mode.BEFORE && size > beforeUpTo) {
                    continue;
                }
                Path dir = Files.createDirectories(folder.resolve(mode + "-" + size));
                int port = freePort();
                AutoCloseable server = start(mode, dir.resolve("store.mv"), port);
                try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                    Fixture fixture = new Fixture(client.getDatabase("bench"), size);
                    fixture.fill();
                    int rounds = mode == Mode.BEFORE ? Math.max(20, 200_000 / size / 10) : 200;
                    for (var op : fixture.operations().entrySet()) {
                        double[] ms = time(op.getValue(), Math.min(rounds, 200));
                        out.append(String.format(Locale.ROOT, "%-26s %-16s %8d %10.2f %10.2f %10.2f%n", op.getKey(),
                                mode.name().toLowerCase(Locale.ROOT), size, ms[0], ms[1], ms[2]));
                        medians.computeIfAbsent(op.getKey() + " " + mode, k -> new LinkedHashMap<>())
                                .put(String.valueOf(size), ms[0]);
                        // Row by row, so a long run shows its progress and keeps what it measured.
                        Files.writeString(report, out.toString());
                    }
                } finally {
                    server.close();
                }
            }
        }
        Files.writeString(report, out.toString());
        assertThat(medians).isNotEmpty();
    }

    private static AutoCloseable start(Mode mode, Path file, int port) {
        if (mode == Mode.BEFORE) {
            H2Backend backend = new H2Backend(file.toString());
            backend.version(ServerVersion.MONGO_5_0);
            MongoServer server = new MongoServer(backend);
            server.bind("127.0.0.1", port);
            return server::shutdownNow;
        }
        return LocalStore.open(file, mode == Mode.INDEXED_SYNCED).bind("127.0.0.1", port);
    }

    /** p50, mean and p90 in milliseconds of {@code rounds} runs of one operation, after a tenth as many to warm up. */
    private static double[] time(IntConsumer operation, int rounds) {
        for (int i = 0; i < Math.max(5, rounds / 10); i++) {
            operation.accept(1_000_000 + i);
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            operation.accept(i);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        double mean = Arrays.stream(ms).average().orElse(0);
        Arrays.sort(ms);
        return new double[] {ms[rounds / 2], mean, ms[(int) (rounds * 0.9)]};
    }

    /** The services' collections, indexes and operations, filled with a history of {@code size} documents each. */
    private static final class Fixture {

        private final MongoCollection<Document> petitions;
        private final MongoCollection<Document> alerts;
        private final MongoCollection<Document> timers;
        private final MongoCollection<Document> claims;
        private final MongoCollection<Document> tallies;
        private final int size;
        private final Random random = new Random(15);
        private final String run = Long.toString(System.nanoTime(), 36);

        Fixture(MongoDatabase db, int size) {
            this.petitions = db.getCollection("petitions");
            this.alerts = db.getCollection("alerts");
            this.timers = db.getCollection("deadline_timers");
            this.claims = db.getCollection("claims");
            this.tallies = db.getCollection("tallies");
            this.size = size;
        }

        void fill() {
            // intake-service PetitionStore, notification-service AlertStore and DeadlineStore.
            Flux.concat(
                    petitions.createIndex(Indexes.ascending("outboxLeaseUntil"), new IndexOptions().name("outbox-due")),
                    petitions.createIndex(Indexes.compoundIndex(Indexes.ascending("district", "school"),
                            Indexes.descending("receivedAt", "_id")), new IndexOptions().name("school-received")),
                    petitions.createIndex(Indexes.ascending("district", "school", "department", "state"),
                            new IndexOptions().name("department-inbox")),
                    alerts.createIndex(Indexes.ascending("petitionId", "raisedAt")),
                    alerts.createIndex(Indexes.ascending("publishedAt", "raisedAt")),
                    alerts.createIndex(Indexes.ascending("firstEscalationDueAt"), new IndexOptions().sparse(true)),
                    timers.createIndex(Indexes.ascending("state", "dueAt")),
                    timers.createIndex(Indexes.ascending("petitionId", "limit"))).blockLast(Duration.ofMinutes(1));
            for (int from = 0; from < size; from += 1_000) {
                int to = Math.min(size, from + 1_000);
                List<Document> p = new ArrayList<>();
                List<Document> a = new ArrayList<>();
                List<Document> t = new ArrayList<>();
                List<Document> c = new ArrayList<>();
                List<Document> y = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    Instant received = NOW.minus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
                    p.add(petition("h-" + i, received, "CLOSED"));
                    a.add(new Document("_id", "a-h-" + i).append("petitionId", "h-" + i).append("state", "ACKNOWLEDGED")
                            .append("raisedAt", Date.from(received)).append("publishedAt", Date.from(received))
                            .append("role", "LEADER").append("step", 0).append("text", "学校门口有家长聚集 " + i));
                    t.add(new Document("_id", "t-h-" + i).append("petitionId", "h-" + i).append("limit", "ACCEPT")
                            .append("state", "FIRED").append("dueAt", Date.from(received.plus(Duration.ofDays(15)))));
                    c.add(new Document("_id", "e-h-" + i).append("state", "DONE").append("claimedAt", Date.from(received)));
                    y.add(new Document("_id", "s|d-" + (i % 10) + "|s-" + (i % SCHOOLS) + "|DAY|" + i)
                            .append("received", random.nextInt(20)).append("members", List.of("h-" + i)));
                }
                Mono.when(petitions.insertMany(p), alerts.insertMany(a), timers.insertMany(t), claims.insertMany(c),
                        tallies.insertMany(y)).block(Duration.ofMinutes(2));
            }
        }

        private Document petition(String id, Instant received, String state) {
            int school = random.nextInt(SCHOOLS);
            return new Document("_id", id).append("district", "d-" + (school % 10)).append("school", "s-" + school)
                    .append("department", "DEPT-" + random.nextInt(5)).append("state", state)
                    .append("receivedAt", Date.from(received)).append("dueBy", Date.from(received.plus(Duration.ofDays(60))))
                    .append("title", "家长反映食堂卫生问题").append("description", "十余名家长在校门口聚集，反映学校食堂卫生条件差。")
                    .append("outbox", List.of()).append("sentEvents", List.of("ev-1-" + id, "ev-2-" + id));
        }

        Map<String, IntConsumer> operations() {
            Map<String, IntConsumer> ops = new LinkedHashMap<>();
            ops.put("submit (insert)", i -> block(petitions.insertOne(
                    petition(run + "-n-" + i, NOW, "RECEIVED").append("outbox", List.of(new Document("eventId", "x-" + i)))
                            .append("outboxLeaseUntil", Date.from(NOW.plusSeconds(30))))));
            // The last entry sent, the lease goes too (PetitionStore.markSent): a sent record leaves the poll's range.
            ops.put("outbox sent mark", i -> {
                block(petitions.findOneAndUpdate(new Document("_id", run + "-n-" + i),
                        new Document("$pull", new Document("outbox", new Document("eventId", "x-" + i)))
                                .append("$addToSet", new Document("sentEvents", "x-" + i)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
                block(petitions.updateOne(new Document("_id", run + "-n-" + i)
                                .append("outbox.0", new Document("$exists", false)),
                        new Document("$unset", new Document("outboxLeaseUntil", ""))));
            });
            ops.put("route (petition update)", i -> block(petitions.findOneAndUpdate(new Document("_id", run + "-n-" + i),
                    Updates.combine(Updates.set("state", "ROUTED"), Updates.set("department", "DEPT-1")),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))));
            ops.put("inbox page (21)", i -> Flux.from(petitions.find(new Document("$and", List.of(
                    new Document("district", "d-" + (i % 10)).append("school", "s-" + (i % SCHOOLS)),
                    new Document("$or", List.of(new Document("department", "DEPT-2"),
                            new Document("routing.coDepartments", "DEPT-2"))))))
                    .sort(new Document("receivedAt", -1).append("_id", -1)).limit(21)).blockLast());
            ops.put("raise alert (insert)", i -> block(alerts.insertOne(new Document("_id", run + "-a-" + i)
                    .append("petitionId", run + "-n-" + i).append("state", "OPEN").append("step", 0)
                    .append("raisedAt", Date.from(NOW)).append("role", "LEADER"))));
            ops.put("acknowledge {_id, state}", i -> block(alerts.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", run + "-a-" + i), Filters.eq("state", "OPEN")),
                    Updates.combine(Updates.set("state", "ACKNOWLEDGED"), Updates.set("acknowledgedAt", Date.from(NOW))),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))));
            ops.put("escalate (claim due)", i -> {
                block(timers.insertOne(new Document("_id", run + "-t-" + i).append("petitionId", run + "-n-" + i)
                        .append("limit", "ACCEPT").append("state", "PENDING").append("dueAt", Date.from(NOW.minusSeconds(1)))));
                block(timers.findOneAndUpdate(Filters.and(Filters.eq("state", "PENDING"), Filters.lte("dueAt", Date.from(NOW))),
                        Updates.combine(Updates.set("state", "FIRING"), Updates.set("claimedAt", Date.from(NOW))),
                        new FindOneAndUpdateOptions().sort(Sorts.ascending("dueAt")).returnDocument(ReturnDocument.AFTER)));
            });
            ops.put("fold report event", i -> {
                Mono.from(claims.find(Filters.eq("_id", run + "-e-" + i)).first()).block();
                block(claims.insertOne(new Document("_id", run + "-e-" + i).append("state", "DONE")));
                block(tallies.updateOne(Filters.eq("_id", "s|d-1|s-1|DAY|" + run + (i % 30)),
                        Updates.combine(Updates.inc("received", 1), Updates.addToSet("members", run + "-n-" + i)),
                        new UpdateOptions().upsert(true)));
            });
            ops.put("report query (31 days)", i -> Flux.from(tallies.find(Filters.in("_id",
                    IntStream.range(0, 31).mapToObj(d -> "s|d-" + (i % 10) + "|s-" + (i % SCHOOLS) + "|DAY|" + (i * 31 + d))
                            .toList()))).blockLast());
            ops.put("outbox poll (claim due)", i -> block(petitions.findOneAndUpdate(
                    new Document("$and", List.of(new Document("outboxLeaseUntil",
                                    new Document("$gte", Date.from(Instant.EPOCH)).append("$lte", Date.from(NOW))),
                            new Document("outbox.0", new Document("$exists", true)))),
                    new Document("$set", new Document("outboxLeaseUntil", Date.from(NOW.plusSeconds(30)))))));
            return ops;
        }

        private static void block(org.reactivestreams.Publisher<?> publisher) {
            Mono.from(publisher).block(Duration.ofSeconds(60));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
