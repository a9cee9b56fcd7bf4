package org.xinfang.intake.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.xinfang.kit.store.IndexDeclaration;
import reactor.core.publisher.Mono;

/**
 * The solved challenges already used, each by its nonce until it would have expired anyway: a challenge serves one
 * submission. The unique {@code _id} decides between two requests racing with one challenge; the TTL index clears
 * them once they are of no use (a store that keeps them longer only keeps garbage: expiry is checked on its own).
 */
public class UsedChallenges implements IndexDeclaration {

    private final MongoCollection<Document> used;

    public UsedChallenges(MongoCollection<Document> used) {
        this.used = used;
    }

    @Override
    public Mono<Void> ensureIndexes() {
        return Mono.from(used.createIndex(Indexes.ascending("expiresAt"),
                new IndexOptions().name("expired").expireAfter(0L, TimeUnit.SECONDS))).then();
    }

    /**
     * Takes the challenge for the request with this fingerprint. True the first time, and again for the same request
     * (a retry whose first answer was lost must not be refused for its own challenge); false for any other request.
     */
    public Mono<Boolean> claim(String nonce, String requestHash, Instant expiresAt) {
        Document doc = new Document("_id", nonce).append("requestHash", requestHash)
                .append("expiresAt", PetitionDocuments.date(expiresAt));
        return Mono.from(used.insertOne(doc)).thenReturn(true)
                .onErrorResume(e -> e instanceof MongoWriteException w
                                && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY,
                        e -> Mono.from(used.find(new Document("_id", nonce)).first())
                                .map(first -> requestHash.equals(first.getString("requestHash")))
                                .defaultIfEmpty(false))
                .timeout(PetitionStore.CALL_TIMEOUT)
                .onErrorMap(PetitionStore::unavailable,
                        e -> new StoreUnavailableException("the store is unavailable", e));
    }
}
