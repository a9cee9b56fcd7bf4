package org.xinfang.notification.persistence;

import static org.xinfang.notification.persistence.Documents.date;
import static org.xinfang.notification.persistence.Documents.instant;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import org.xinfang.notification.domain.DeliveryChannel;
import org.xinfang.notification.domain.Delivery;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deliveries and their state: PENDING (with the time of the next attempt), DELIVERED, or DEAD after the last retry
 * (the dead letter, kept with its last error for the duty office to follow up). An attempt first claims the delivery
 * by pushing its next-attempt time forward in one atomic write, so the recovery sweep and the in-memory retry never
 * send at once.
 */
@Repository
public class DeliveryStore implements IndexedStore {

    /** A delivery with its progress. */
    public record Tracked(Delivery delivery, String state, int attempts, Instant nextAttemptAt, String lastError) {
    }

    private final MongoCollection<Document> deliveries;
    private final DeliveryProgress progress;

    DeliveryStore(MongoDatabase database) {
        this.deliveries = database.getCollection("deliveries");
        this.progress = new DeliveryProgress(deliveries);
    }

    @Override
    public Mono<Void> createIndexes() {
        return Mono.from(deliveries.createIndex(Indexes.ascending("state", "nextAttemptAt")))
                .then(Mono.from(deliveries.createIndex(Indexes.ascending("repeatKey", "createdAt"))))
                .then(Mono.from(deliveries.createIndex(Indexes.ascending("alertId")))).then();
    }

    /**
     * Stores the delivery, claimed until {@code claimedUntil}; false if it exists already (a redelivered event).
     * {@code repeatKey} names "the same notification to the same person" for the repeat interval.
     */
    public Mono<Boolean> insertClaimed(Delivery d, String repeatKey, Instant now, Instant claimedUntil) {
        return Mono.from(deliveries.insertOne(claimed(new Claim(d, repeatKey), now, claimedUntil))).thenReturn(true)
                .onErrorResume(Documents::duplicateKey, e -> Mono.just(false));
    }

    /** A delivery to store claimed, with its "same notification to the same person" key. */
    public record Claim(Delivery delivery, String repeatKey) {
    }

    /**
     * Stores the deliveries, claimed until {@code claimedUntil}, in one unordered write; emits the ids of those this
     * call stored (the others existed already: a redelivered event, whose first attempt is someone else's or the
     * sweep's once the claim runs out).
     */
    public Mono<List<String>> insertClaimed(List<Claim> batch, Instant now, Instant claimedUntil) {
        if (batch.isEmpty()) {
            return Mono.just(List.of());
        }
        List<String> ids = batch.stream().map(c -> c.delivery().deliveryId()).toList();
        return Mono.from(deliveries.insertMany(batch.stream().map(c -> claimed(c, now, claimedUntil)).toList(),
                        new InsertManyOptions().ordered(false)))
                .map(result -> ids)
                .onErrorResume(Documents::onlyDuplicates, e -> {
                    Set<Integer> existing = ((MongoBulkWriteException) e).getWriteErrors().stream()
                            .map(BulkWriteError::getIndex).collect(Collectors.toSet());
                    return Mono.just(IntStream.range(0, ids.size()).filter(i -> !existing.contains(i))
                            .mapToObj(ids::get).toList());
                });
    }

    private static Document claimed(Claim c, Instant now, Instant claimedUntil) {
        Delivery d = c.delivery();
        return new Document("_id", d.deliveryId()).append("alertId", d.alertId()).append("step", d.step())
                .append("contactId", d.contactId()).append("channel", d.channel().name()).append("target", d.target())
                .append("repeatKey", c.repeatKey()).append("createdAt", date(now))
                .append("state", "PENDING").append("attempts", 0).append("nextAttemptAt", date(claimedUntil));
    }

    /** Claims a pending delivery that is due (or a given one, if due); empty if none or someone else has it. */
    public Mono<Tracked> claimDue(String deliveryId, Instant now, Instant claimedUntil) {
        var filter = Filters.and(Filters.eq("state", "PENDING"), Filters.lte("nextAttemptAt", date(now)));
        if (deliveryId != null) {
            filter = Filters.and(filter, Filters.eq("_id", deliveryId));
        }
        return Mono.from(deliveries.findOneAndUpdate(filter, Updates.set("nextAttemptAt", date(claimedUntil)),
                        new FindOneAndUpdateOptions().sort(Sorts.ascending("nextAttemptAt"))
                                .returnDocument(ReturnDocument.AFTER)))
                .map(DeliveryStore::fromDocument);
    }

    /** Whether the same notification went (or is going) to the same contact over the same channel since {@code since}. */
    public Mono<Boolean> sentSince(String repeatKey, Instant since) {
        return Mono.from(deliveries.find(Filters.and(Filters.eq("repeatKey", repeatKey),
                        Filters.in("state", "PENDING", "GROUPED", "DELIVERED"), Filters.gte("createdAt", date(since))))
                .limit(1).first()).hasElement();
    }

    /** Stores a non-critical delivery waiting in a grouping window; false if it exists already (a redelivered event). */
    public Mono<Boolean> insertGrouped(Delivery d, String repeatKey, String groupId, Instant now) {
        Document doc = new Document("_id", d.deliveryId()).append("alertId", d.alertId()).append("step", d.step())
                .append("contactId", d.contactId()).append("channel", d.channel().name()).append("target", d.target())
                .append("repeatKey", repeatKey).append("createdAt", date(now)).append("groupId", groupId)
                .append("state", "GROUPED").append("attempts", 0);
        return Mono.from(deliveries.insertOne(doc)).thenReturn(true)
                .onErrorResume(Documents::duplicateKey, e -> Mono.just(false));
    }

    /** The deliveries waiting in a group. */
    public Flux<Tracked> groupedIn(String groupId) {
        return Flux.from(deliveries.find(Filters.and(Filters.eq("groupId", groupId), Filters.eq("state", "GROUPED")))
                .sort(Sorts.ascending("createdAt", "_id"))).map(DeliveryStore::fromDocument);
    }

    /** The grouped message went out: every member is delivered. */
    public Mono<Void> groupDelivered(String groupId, java.util.List<String> deliveryIds, int attempts, Instant at) {
        return Mono.from(deliveries.updateMany(Filters.and(Filters.eq("groupId", groupId), Filters.in("_id", deliveryIds)),
                Updates.combine(Updates.set("state", "DELIVERED"), Updates.set("attempts", attempts),
                        Updates.set("deliveredAt", date(at))))).then();
    }

    /** The grouped message failed: members record it, and are dead after the last attempt. */
    public Mono<Void> groupFailed(String groupId, java.util.List<String> deliveryIds, int attempts, String error,
                                  boolean dead, Instant at) {
        var update = Updates.combine(Updates.set("attempts", attempts), Updates.set("lastError", error));
        if (dead) {
            update = Updates.combine(update, Updates.set("state", "DEAD"), Updates.set("deadAt", date(at)));
        }
        return Mono.from(deliveries.updateMany(Filters.and(Filters.eq("groupId", groupId), Filters.in("_id", deliveryIds)),
                update)).then();
    }

    /**
     * Members that joined a group after it was sent (a join racing the close) are sent on their own: they become
     * ordinary pending deliveries, due now.
     */
    public Flux<String> releaseLateMembers(String groupId, Instant now) {
        return Flux.from(deliveries.find(Filters.and(Filters.eq("groupId", groupId), Filters.eq("state", "GROUPED"))))
                .concatMap(d -> Mono.from(deliveries.updateOne(Filters.and(Filters.eq("_id", d.getString("_id")),
                                Filters.eq("state", "GROUPED")),
                        Updates.combine(Updates.set("state", "PENDING"), Updates.set("nextAttemptAt", date(now)))))
                        .thenReturn(d.getString("_id")));
    }

    /** Records a delivery that noise control held back, with the reason, so the record shows why nobody was called. */
    public Mono<Void> insertHeldBack(Delivery d, String reason, Instant at) {
        Document doc = new Document("_id", d.deliveryId()).append("alertId", d.alertId()).append("step", d.step())
                .append("contactId", d.contactId()).append("channel", d.channel().name()).append("target", d.target())
                .append("state", "HELD_BACK").append("attempts", 0).append("lastError", reason)
                .append("heldBackAt", date(at));
        return Mono.from(deliveries.insertOne(doc)).then().onErrorResume(Documents::duplicateKey, e -> Mono.empty());
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

    public Flux<Tracked> ofAlert(String alertId) {
        return Flux.from(deliveries.find(Filters.eq("alertId", alertId)).sort(Sorts.ascending("step", "_id")))
                .map(DeliveryStore::fromDocument);
    }

    static Tracked fromDocument(Document d) {
        Delivery delivery = new Delivery(d.getString("_id"), d.getString("alertId"), d.getInteger("step", 0),
                d.getString("contactId"), DeliveryChannel.valueOf(d.getString("channel")), d.getString("target"));
        return new Tracked(delivery, d.getString("state"), d.getInteger("attempts", 0), instant(d, "nextAttemptAt"),
                d.getString("lastError"));
    }
}
