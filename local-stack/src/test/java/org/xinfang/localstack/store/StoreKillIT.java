package org.xinfang.localstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The store keeps every write it acknowledged when it is killed with SIGKILL in the middle of a stream of writes:
 * inserts, and conditional updates of counters, from several clients at once. Before writes waited for their sync,
 * this lost the writes of the last second or so (H2 committed about once a second).
 */
class StoreKillIT {

    private static final int WRITERS = 8;
    private static final int COUNTERS = 40;
    private static final int WRITES_BEFORE_KILL = 300;

    @TempDir
    Path folder;
    private StoreProcess store;

    @AfterEach
    void stop() throws InterruptedException {
        if (store != null) {
            store.stop();
        }
    }

    @Test
    void everyAcknowledgedWriteIsThereAfterAKill() throws Exception {
        Files.createDirectories(folder.resolve("data"));
        store = new StoreProcess(folder.resolve("data"));
        store.start();
        Set<String> inserted = ConcurrentHashMap.newKeySet();
        Map<String, Long> counted = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch enough = new CountDownLatch(WRITES_BEFORE_KILL);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try (MongoClient client = MongoClients.create(store.uri())) {
            MongoCollection<Document> petitions = client.getDatabase("kill").getCollection("petitions");
            MongoCollection<Document> counters = client.getDatabase("kill").getCollection("counters");
            Mono.from(petitions.createIndex(new Document("school", 1).append("state", 1))).block();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.submit(() -> write(writer, petitions, counters, writing, enough, inserted, counted));
            }
            // Kill the store under a steady stream of writes, once enough of them were acknowledged.
            assertThat(enough.await(90, TimeUnit.SECONDS)).as("%d writes acknowledged", WRITES_BEFORE_KILL).isTrue();
            store.kill();
            writing.set(false);
        }
        writers.shutdown();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        store.start();
        try (MongoClient client = MongoClients.create(store.uri())) {
            MongoCollection<Document> petitions = client.getDatabase("kill").getCollection("petitions");
            MongoCollection<Document> counters = client.getDatabase("kill").getCollection("counters");
            List<Object> found = Flux.from(petitions.find().projection(new Document("_id", 1)))
                    .map(d -> d.get("_id")).collectList().block(Duration.ofSeconds(30));
            assertThat(found).as("every acknowledged insert survives the kill").containsAll(inserted);
            Map<String, Long> stored = new HashMap<>();
            Flux.from(counters.find()).doOnNext(d -> stored.put(d.getString("_id"), d.getLong("n")))
                    .blockLast(Duration.ofSeconds(30));
            counted.forEach((id, n) -> assertThat(stored.get(id))
                    .as("counter %s was acknowledged at %d", id, n).isNotNull().isGreaterThanOrEqualTo(n));
            // The indexes still answer after recovery: the same petitions by school and state.
            long bySchool = Mono.from(petitions.countDocuments(
                    Filters.and(Filters.eq("school", "s-1"), Filters.eq("state", "RECEIVED")))).block();
            assertThat(bySchool).isEqualTo(found.stream().filter(id -> id.toString().startsWith("w1-")).count());
        }
    }

    private static void write(int writer, MongoCollection<Document> petitions, MongoCollection<Document> counters,
                              AtomicBoolean writing, CountDownLatch enough, Set<String> inserted,
                              Map<String, Long> counted) {
        for (int i = 0; writing.get(); i++) {
            String id = "w" + writer + "-" + i;
            try {
                Mono.from(petitions.insertOne(new Document("_id", id).append("school", "s-" + writer)
                        .append("state", "RECEIVED").append("title", "家长反映食堂卫生问题 " + i)))
                        .block(Duration.ofSeconds(5));
                inserted.add(id);
                enough.countDown();
                String counter = "c-" + (i % COUNTERS);
                Document after = Mono.from(counters.findOneAndUpdate(Filters.eq("_id", counter), Updates.inc("n", 1L),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)))
                        .block(Duration.ofSeconds(5));
                counted.merge(counter, after.getLong("n"), Math::max);
                Mono.from(petitions.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", "RECEIVED")),
                        Updates.set("seen", true), new UpdateOptions())).block(Duration.ofSeconds(5));
            } catch (RuntimeException killed) {
                // The store is gone: what was not acknowledged may or may not be there, either is right.
                return;
            }
        }
    }
}
