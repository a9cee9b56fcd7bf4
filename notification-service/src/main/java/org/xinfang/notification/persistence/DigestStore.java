package org.xinfang.notification.persistence;

import static org.xinfang.notification.persistence.Documents.date;
import static org.xinfang.notification.persistence.Documents.instant;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import org.xinfang.contracts.vocabulary.DigestPeriod;
import org.xinfang.notification.domain.DeliveryChannel;
import org.xinfang.notification.domain.Digest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Digests received (one document per digest event id, so a redelivered or re-sent digest is stored once) and their
 * deliveries, one per (digest, contact, channel) under a derived id: inserting a delivery that exists is a duplicate
 * key, which is what makes each delivery happen once per event id across redeliveries and restarts. A delivery is
 * PENDING (claimed until its next attempt time), DELIVERED, or DEAD after its last retry.
 */
@Repository
public class DigestStore implements IndexedStore {

    /** One delivery of a digest and its progress. */
    public record Tracked(String deliveryId, String digestId, String contactId, DeliveryChannel channel, String target,
                          String state, int attempts, String lastError) {
    }

    private final MongoCollection<Document> digests;
    private final MongoCollection<Document> deliveries;
    private final DeliveryProgress progress;

    DigestStore(MongoDatabase database) {
        this.digests = database.getCollection("digests");
        this.deliveries = database.getCollection("digest_deliveries");
        this.progress = new DeliveryProgress(deliveries);
    }

    @Override
    public Mono<Void> createIndexes() {
        return Mono.from(deliveries.createIndex(Indexes.ascending("state", "nextAttemptAt")))
                .then(Mono.from(deliveries.createIndex(Indexes.ascending("digestId")))).then();
    }

    /** Stores the digest unless it is stored already; true if this call stored it. */
    public Mono<Boolean> record(Digest digest, Instant receivedAt) {
        List<Document> rows = digest.overdue().stream().map(o -> new Document("petitionId", o.petitionId())
                .append("school", o.school()).append("department", o.department()).append("limit", o.limit())
                .append("dueAt", date(o.dueAt()))).toList();
        // Figures are stored as {key, value} pairs, never as field names: a key from the event (a school id, a
        // subject) can then hold any character, a dot or a dollar included, without becoming a path or an operator.
        List<Document> totals = pairs(null, digest.totals());
        List<Document> counts = new java.util.ArrayList<>();
        digest.counts().forEach((dimension, values) -> counts.addAll(pairs(dimension, values)));
        Document doc = new Document("_id", digest.digestId()).append("district", digest.district())
                .append("period", digest.period().name()).append("from", digest.from().toString())
                .append("to", digest.to().toString()).append("totals", totals)
                .append("counts", counts).append("overdue", rows).append("receivedAt", date(receivedAt));
        return Mono.from(digests.insertOne(doc)).thenReturn(true)
                .onErrorResume(Documents::duplicateKey, e -> Mono.just(false));
    }

    public Mono<Digest> byId(String digestId) {
        return Mono.from(digests.find(Filters.eq("_id", digestId)).first()).map(DigestStore::digestOf);
    }

    /** Stores the delivery, claimed until {@code claimedUntil}; false if it exists (delivered or under way already). */
    public Mono<Boolean> insertClaimed(String deliveryId, String digestId, String contactId, DeliveryChannel channel,
                                       String target, Instant now, Instant claimedUntil) {
        Document doc = new Document("_id", deliveryId).append("digestId", digestId).append("contactId", contactId)
                .append("channel", channel.name()).append("target", target).append("createdAt", date(now))
                .append("state", "PENDING").append("attempts", 0).append("nextAttemptAt", date(claimedUntil));
        return Mono.from(deliveries.insertOne(doc)).thenReturn(true)
                .onErrorResume(Documents::duplicateKey, e -> Mono.just(false));
    }

    /** Claims a pending delivery that is due (or the given one, if due); empty if none or another has it. */
    public Mono<Tracked> claimDue(String deliveryId, Instant now, Instant claimedUntil) {
        var filter = Filters.and(Filters.eq("state", "PENDING"), Filters.lte("nextAttemptAt", date(now)));
        if (deliveryId != null) {
            filter = Filters.and(filter, Filters.eq("_id", deliveryId));
        }
        return Mono.from(deliveries.findOneAndUpdate(filter, Updates.set("nextAttemptAt", date(claimedUntil)),
                        new FindOneAndUpdateOptions().sort(Sorts.ascending("nextAttemptAt"))
                                .returnDocument(ReturnDocument.AFTER)))
                .map(DigestStore::trackedOf);
    }

    public Mono<Void> delivered(String deliveryId, int attempts, Instant at) {
        return progress.delivered(deliveryId, attempts, at);
    }

    public Mono<Void> failed(String deliveryId, int attempts, String error, Instant nextAttemptAt) {
        return progress.failed(deliveryId, attempts, error, nextAttemptAt);
    }

    public Mono<Void> dead(String deliveryId, int attempts, String error, Instant at) {
        return progress.dead(deliveryId, attempts, error, at);
    }

    public Flux<Tracked> deliveriesOf(String digestId) {
        return Flux.from(deliveries.find(Filters.eq("digestId", digestId)).sort(Sorts.ascending("_id")))
                .map(DigestStore::trackedOf);
    }

    static Tracked trackedOf(Document d) {
        return new Tracked(d.getString("_id"), d.getString("digestId"), d.getString("contactId"),
                DeliveryChannel.valueOf(d.getString("channel")), d.getString("target"), d.getString("state"),
                d.getInteger("attempts", 0), d.getString("lastError"));
    }

    static Digest digestOf(Document d) {
        Map<String, Long> totals = new LinkedHashMap<>();
        d.getList("totals", Document.class, List.of()).forEach(p -> totals.put(p.getString("key"),
                ((Number) p.get("value")).longValue()));
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        d.getList("counts", Document.class, List.of()).forEach(p -> counts
                .computeIfAbsent(p.getString("dimension"), k -> new LinkedHashMap<>())
                .put(p.getString("key"), ((Number) p.get("value")).longValue()));
        List<Digest.Overdue> overdue = d.getList("overdue", Document.class, List.of()).stream()
                .map(o -> new Digest.Overdue(o.getString("petitionId"), o.getString("school"), o.getString("department"),
                        o.getString("limit"), instant(o, "dueAt"))).toList();
        return new Digest(d.getString("_id"), d.getString("district"), DigestPeriod.valueOf(d.getString("period")),
                LocalDate.parse(d.getString("from")), LocalDate.parse(d.getString("to")), totals, counts, overdue);
    }

    private static List<Document> pairs(String dimension, Map<String, Long> values) {
        return values.entrySet().stream().map(e -> {
            Document pair = new Document("key", e.getKey()).append("value", e.getValue());
            return dimension == null ? pair : pair.append("dimension", dimension);
        }).toList();
    }
}
