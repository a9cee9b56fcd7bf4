package org.xinfang.intake.persistence;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.xinfang.kit.store.IndexDeclaration;
import reactor.core.publisher.Mono;

/**
 * Counts events per key in fixed windows (wrong query codes per address, public submissions per school), in the
 * store so every replica counts the same: one atomic increment per event, no read-modify-write. Fixed windows are
 * coarse but need nothing else; the TTL index drops a window's counter once it has ended.
 */
public class WindowCounters implements IndexDeclaration {

    private final MongoCollection<Document> counters;
    private final Duration window;

    public WindowCounters(MongoCollection<Document> counters, Duration window) {
        if (window.toMillis() < 1000) {
            throw new IllegalArgumentException("a counting window is at least a second");
        }
        this.counters = counters;
        this.window = window;
    }

    /** A count in the window holding {@code now}, and when that window ends. */
    public record Count(long count, Instant windowEnds) {
    }

    @Override
    public Mono<Void> ensureIndexes() {
        return Mono.from(counters.createIndex(Indexes.ascending("expiresAt"),
                new IndexOptions().name("expired").expireAfter(0L, TimeUnit.SECONDS))).then();
    }

    /** Counts one more event for {@code key} and answers the count of the window, this one included. */
    public Mono<Count> increment(String key, Instant now) {
        Instant ends = windowEnd(now);
        return Mono.from(counters.findOneAndUpdate(new Document("_id", id(key, ends)),
                        new Document("$inc", new Document("count", 1L))
                                .append("$setOnInsert", new Document("expiresAt", PetitionDocuments.date(ends))),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)))
                .map(d -> new Count(d.get("count", Number.class).longValue(), ends))
                .transform(WindowCounters::guarded);
    }

    /** The count so far in the window holding {@code now}. */
    public Mono<Count> current(String key, Instant now) {
        Instant ends = windowEnd(now);
        return Mono.from(counters.find(new Document("_id", id(key, ends))).first())
                .map(d -> new Count(d.get("count", Number.class).longValue(), ends))
                .defaultIfEmpty(new Count(0, ends))
                .transform(WindowCounters::guarded);
    }

    private Instant windowEnd(Instant now) {
        long size = window.toMillis();
        return Instant.ofEpochMilli((now.toEpochMilli() / size + 1) * size);
    }

    private static String id(String key, Instant ends) {
        return key + "|" + ends.toEpochMilli();
    }

    private static <T> Mono<T> guarded(Mono<T> call) {
        return call.timeout(PetitionStore.CALL_TIMEOUT)
                .onErrorMap(PetitionStore::unavailable,
                        e -> new StoreUnavailableException("the store is unavailable", e));
    }
}
