package org.xinfang.localstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.FindPublisher;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The store reads through {@code _id} and the declared indexes, with the answers of a full scan. Every query runs on
 * two collections holding the same documents, one with the services' kinds of indexes and one with none (which
 * mongo-java-server answers by reading everything): the answers must be the same, in the same order, and the
 * indexed collection must not have read all its documents for any of them.
 */
class IndexedStoreIT {

    private static final int DOCUMENTS = 3_000;
    private static final Instant T0 = Instant.parse("2026-09-01T00:00:00Z");

    @TempDir
    Path folder;
    private final int port = freePort();
    private LocalStore store;
    private MongoClient client;

    @BeforeEach
    void open() {
        store = LocalStore.open(folder.resolve("store.mv"), true).bind("127.0.0.1", port);
        client = MongoClients.create("mongodb://127.0.0.1:" + port);
    }

    @AfterEach
    void close() {
        client.close();
        store.close();
    }

    @Test
    void queriesAnswerAsAFullScanDoesWithoutReadingEverything() {
        MongoDatabase db = client.getDatabase("indexed");
        MongoCollection<Document> indexed = db.getCollection("petitions");
        MongoCollection<Document> plain = db.getCollection("petitions_plain");
        declareIndexes(indexed);
        fill(indexed, plain);
        long scansBefore = store.fullScans("indexed", "petitions");

        List<Function<MongoCollection<Document>, FindPublisher<Document>>> queries = List.of(
                c -> c.find(Filters.and(Filters.eq("_id", "p-17"), Filters.eq("state", "PENDING"))),
                c -> c.find(Filters.in("_id", List.of("p-1", "p-2999", "p-nothing"))),
                c -> c.find(Filters.eq("eventId", "e-42")),
                // An inbox page: the school's newest first, the index read in its own (descending) order.
                c -> c.find(new Document("$and", List.of(new Document("district", "d-1").append("school", "s-3"),
                        new Document("state", new Document("$in", List.of("OPEN", "ROUTED"))))))
                        .sort(Sorts.descending("receivedAt", "_id")).limit(21),
                // The same school oldest first: the index read backwards.
                c -> c.find(Filters.and(Filters.eq("district", "d-1"), Filters.eq("school", "s-3")))
                        .sort(Sorts.ascending("receivedAt", "_id")).limit(5),
                c -> c.find(Filters.and(Filters.eq("district", "d-0"), Filters.eq("school", "s-1"),
                        Filters.gte("receivedAt", Date.from(T0.plusSeconds(600))),
                        Filters.lt("receivedAt", Date.from(T0.plusSeconds(1800)))))
                        .sort(Sorts.descending("receivedAt", "_id")),
                // Timers that fall due: equality, then a range, then the index's order with a limit.
                c -> c.find(Filters.and(Filters.eq("state", "PENDING"), Filters.lte("dueAt", Date.from(T0.plusSeconds(900)))))
                        .sort(Sorts.ascending("dueAt")).limit(10),
                c -> c.find(Filters.eq("state", "PENDING")).sort(Sorts.ascending("dueAt")).limit(1),
                c -> c.find(Filters.and(Filters.in("state", List.of("PENDING", "FIRING")),
                        Filters.lt("dueAt", Date.from(T0.plusSeconds(300))))).sort(Sorts.ascending("dueAt", "_id")),
                // A department's open petitions, whatever else the query says.
                c -> c.find(Filters.and(Filters.eq("district", "d-1"), Filters.eq("school", "s-2"),
                        Filters.eq("department", "LOGISTICS"), Filters.eq("state", "OPEN"),
                        Filters.or(Filters.eq("level", "CRITICAL"), Filters.exists("dueAt", false))))
                        .sort(Sorts.ascending("_id")),
                // Array values: the tag index holds one entry per element.
                c -> c.find(Filters.eq("tags", "t-3")).sort(Sorts.ascending("_id")));
        for (int i = 0; i < queries.size(); i++) {
            assertThat(ids(queries.get(i).apply(indexed))).as("query %d", i)
                    .isEqualTo(ids(queries.get(i).apply(plain))).isNotEmpty();
            assertThat(store.fullScans("indexed", "petitions")).as("full scans of the indexed collection, query %d", i)
                    .isEqualTo(scansBefore);
        }

        // Conditional updates by _id and state, and by a declared index, change what a full scan would change.
        for (MongoCollection<Document> c : List.of(indexed, plain)) {
            Mono.from(c.updateOne(Filters.and(Filters.eq("_id", "p-5"), Filters.eq("state", "OPEN")),
                    Updates.set("state", "ACKNOWLEDGED"))).block();
            Mono.from(c.updateMany(Filters.and(Filters.eq("state", "PENDING"),
                    Filters.lte("dueAt", Date.from(T0.plusSeconds(120)))), Updates.set("state", "FIRING"))).block();
            Mono.from(c.deleteMany(Filters.eq("eventId", "e-7"))).block();
        }
        assertThat(ids(indexed.find(Filters.eq("state", "FIRING")).sort(Sorts.ascending("_id"))))
                .isEqualTo(ids(plain.find(Filters.eq("state", "FIRING")).sort(Sorts.ascending("_id"))));
        assertThat(ids(indexed.find(Filters.eq("state", "ACKNOWLEDGED"))))
                .isEqualTo(ids(plain.find(Filters.eq("state", "ACKNOWLEDGED"))));
        assertThat(ids(indexed.find(Filters.eq("eventId", "e-7")))).isEmpty();
        assertThat(store.fullScans("indexed", "petitions")).isEqualTo(scansBefore);

        // The counter does count: a query no index narrows reads everything.
        ids(indexed.find(Filters.eq("title", "家长反映 7")));
        assertThat(store.fullScans("indexed", "petitions")).isEqualTo(scansBefore + 1);
    }

    @Test
    void indexesAreThereAgainAfterARestart() {
        MongoCollection<Document> indexed = client.getDatabase("restart").getCollection("timers");
        declareIndexes(indexed);
        fill(indexed, null);
        List<Object> before = ids(indexed.find(Filters.eq("state", "PENDING")).sort(Sorts.ascending("dueAt")).limit(7));
        client.close();
        store.close();

        open();
        indexed = client.getDatabase("restart").getCollection("timers");
        List<Object> after = ids(indexed.find(Filters.eq("state", "PENDING")).sort(Sorts.ascending("dueAt")).limit(7));
        assertThat(after).hasSize(7).isEqualTo(before);
        assertThat(store.fullScans("restart", "timers")).isZero();
    }

    private static void declareIndexes(MongoCollection<Document> c) {
        Flux.concat(
                c.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true)),
                c.createIndex(Indexes.compoundIndex(Indexes.ascending("district", "school"),
                        Indexes.descending("receivedAt", "_id")), new IndexOptions().name("school-received")),
                c.createIndex(Indexes.ascending("district", "school", "department", "state")),
                c.createIndex(Indexes.ascending("state", "dueAt")),
                c.createIndex(Indexes.ascending("tags"))).blockLast(Duration.ofSeconds(30));
    }

    private static void fill(MongoCollection<Document> indexed, MongoCollection<Document> plain) {
        Random random = new Random(15);
        String[] states = {"OPEN", "ROUTED", "PENDING", "FIRING", "DONE"};
        String[] departments = {"LOGISTICS", "ACADEMIC", "GENERAL_OFFICE"};
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            Document d = new Document("_id", "p-" + i).append("eventId", "e-" + i)
                    .append("district", "d-" + random.nextInt(2)).append("school", "s-" + random.nextInt(5))
                    .append("department", departments[random.nextInt(departments.length)])
                    .append("state", states[i % states.length])
                    // Some receipts share a second, so the _id decides the order among them.
                    .append("receivedAt", Date.from(T0.plusSeconds(random.nextInt(3600))))
                    .append("level", random.nextInt(10) == 0 ? "CRITICAL" : "NORMAL")
                    .append("tags", List.of("t-" + random.nextInt(8), "t-" + (8 + random.nextInt(8))))
                    .append("title", "家长反映 " + i);
            // Every due time differs, so that an order by it alone is one order; only some open petitions have none.
            if (!d.getString("state").equals("OPEN") || random.nextBoolean()) {
                d.append("dueAt", Date.from(T0.plusMillis(i * 7919L % 3_600_000)));
            }
            documents.add(d);
        }
        Mono.from(indexed.insertMany(documents)).block(Duration.ofSeconds(60));
        if (plain != null) {
            Mono.from(plain.insertMany(documents.stream().map(d -> new Document(d)).toList()))
                    .block(Duration.ofSeconds(60));
        }
    }

    private static List<Object> ids(FindPublisher<Document> find) {
        return Flux.from(find).map(d -> d.get("_id")).collectList().block(Duration.ofSeconds(30));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
