package org.xinfang.reporting.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One document per digest (district and period), under the digest's stable event id: whoever inserts it first owns
 * the period, so several replicas and restarts send each digest once. The claim holds the digest as it will be
 * published and moves from {@code PENDING} to {@code SENT} once the broker has it; a claim left {@code PENDING} (a
 * crash or a broker error between claim and publish) is taken over by the recovery pass, which publishes the same
 * bytes under the same id. Not part of a generation: a rebuild never sends a digest again.
 */
public final class DigestClaims {

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";

    /** A claim still to publish: its id, the event's JSON and when it was last taken. */
    public record Pending(String eventId, String district, String event, Instant claimedAt) {
    }

    private final MongoCollection<Document> claims;

    public DigestClaims(MongoDatabase database) {
        this.claims = database.getCollection("digest_claims");
    }

    public Mono<Boolean> exists(String eventId) {
        return Mono.from(claims.find(Filters.eq("_id", eventId)).first()).map(d -> true).defaultIfEmpty(false);
    }

    /** Inserts the claim; false if the period was claimed already (by this or another instance). */
    public Mono<Boolean> claim(String eventId, String district, String period, String from, String event,
                               String instance, Instant now) {
        Document claim = new Document("_id", eventId).append("district", district).append("period", period)
                .append("from", from).append("state", PENDING).append("event", event)
                .append("claimedBy", instance).append("claimedAt", Date.from(now));
        return Mono.from(claims.insertOne(claim)).thenReturn(true)
                .onErrorResume(MongoWriteException.class, e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                        ? Mono.just(false) : Mono.error(e));
    }

    public Mono<Void> markSent(String eventId, Instant now) {
        return Mono.from(claims.updateOne(Filters.eq("_id", eventId),
                Updates.combine(Updates.set("state", SENT), Updates.set("sentAt", Date.from(now))))).then();
    }

    /** Claims left pending since before {@code takenBefore}: their owner crashed or could not reach the broker. */
    public Mono<List<Pending>> stale(Instant takenBefore) {
        return Flux.from(claims.find(Filters.and(Filters.eq("state", PENDING), Filters.lt("claimedAt", Date.from(takenBefore)))))
                .map(d -> new Pending(d.getString("_id"), d.getString("district"), d.getString("event"),
                        d.getDate("claimedAt").toInstant()))
                .collectList();
    }

    /**
     * Takes a stale claim over in one conditional write: only if it is still pending and nobody took it since, so of
     * several replicas recovering at once, one republishes.
     */
    public Mono<Boolean> takeOver(Pending pending, String instance, Instant now) {
        return Mono.from(claims.findOneAndUpdate(
                        Filters.and(Filters.eq("_id", pending.eventId()), Filters.eq("state", PENDING),
                                Filters.eq("claimedAt", Date.from(pending.claimedAt()))),
                        Updates.combine(Updates.set("claimedBy", instance), Updates.set("claimedAt", Date.from(now))),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(d -> true).defaultIfEmpty(false);
    }
}
