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
import org.bson.Document;
import org.springframework.stereotype.Repository;
import org.xinfang.notification.domain.EscalationTimer;
import reactor.core.publisher.Mono;

/**
 * Escalation timers in the store, so they survive restarts. A timer is PENDING until one instance claims it
 * (FIRING, in one atomic findOneAndUpdate), then FIRED; acknowledging the alert CANCELS its pending timers.
 */
@Repository
public class EscalationTimerStore implements IndexedStore {

    private static final String PENDING = "PENDING";
    private static final String FIRING = "FIRING";

    private final MongoCollection<Document> timers;

    EscalationTimerStore(MongoDatabase database) {
        this.timers = database.getCollection("escalation_timers");
    }

    @Override
    public Mono<Void> createIndexes() {
        return Mono.from(timers.createIndex(Indexes.ascending("state", "dueAt")))
                .then(Mono.from(timers.createIndex(Indexes.ascending("alertId")))).then();
    }

    /** Stores the timer unless it exists (a redelivery or a re-run of a step must not move its due time). */
    public Mono<Void> schedule(EscalationTimer timer) {
        Document doc = new Document("_id", timer.timerId()).append("alertId", timer.alertId())
                .append("fromStep", timer.fromStep()).append("dueAt", date(timer.dueAt())).append("state", PENDING);
        return Mono.from(timers.insertOne(doc)).then().onErrorResume(Documents::duplicateKey, e -> Mono.empty());
    }

    /** Stores the timers that do not exist yet, in one unordered write. */
    public Mono<Void> scheduleAll(java.util.List<EscalationTimer> batch) {
        if (batch.isEmpty()) {
            return Mono.empty();
        }
        return Mono.from(timers.insertMany(batch.stream().map(EscalationTimerStore::toDocument).toList(),
                        new com.mongodb.client.model.InsertManyOptions().ordered(false)))
                .then().onErrorResume(Documents::onlyDuplicates, e -> Mono.empty());
    }

    static Document toDocument(EscalationTimer timer) {
        return new Document("_id", timer.timerId()).append("alertId", timer.alertId())
                .append("fromStep", timer.fromStep()).append("dueAt", date(timer.dueAt())).append("state", PENDING);
    }

    /** Claims the earliest due timer for this instance, atomically; empty when none is due. */
    public Mono<EscalationTimer> claimDue(Instant now, String owner) {
        return Mono.from(timers.findOneAndUpdate(
                        Filters.and(Filters.eq("state", PENDING), Filters.lte("dueAt", date(now))),
                        Updates.combine(Updates.set("state", FIRING), Updates.set("claimedBy", owner),
                                Updates.set("claimedAt", date(now))),
                        new FindOneAndUpdateOptions().sort(Sorts.ascending("dueAt")).returnDocument(ReturnDocument.AFTER)))
                .map(EscalationTimerStore::fromDocument);
    }

    public Mono<Void> fired(String timerId, Instant at) {
        return Mono.from(timers.updateOne(Filters.eq("_id", timerId),
                Updates.combine(Updates.set("state", "FIRED"), Updates.set("firedAt", date(at))))).then();
    }

    public Mono<Void> cancelFor(String alertId) {
        return Mono.from(timers.updateMany(Filters.and(Filters.eq("alertId", alertId), Filters.eq("state", PENDING)),
                Updates.set("state", "CANCELLED"))).then();
    }

    /** When the next pending timer is due, for the in-memory wake-up. */
    public Mono<Instant> nextDue() {
        return Mono.from(timers.find(Filters.eq("state", PENDING)).sort(Sorts.ascending("dueAt")).limit(1).first())
                .map(d -> instant(d, "dueAt"));
    }

    /** Gives back timers whose claimant died mid-step; re-running a step is safe (the alert moves only once). */
    public Mono<Long> releaseClaimedBefore(Instant before) {
        return Mono.from(timers.updateMany(Filters.and(Filters.eq("state", FIRING), Filters.lt("claimedAt", date(before))),
                Updates.set("state", PENDING))).map(r -> r.getModifiedCount());
    }

    static EscalationTimer fromDocument(Document d) {
        return new EscalationTimer(d.getString("_id"), d.getString("alertId"), d.getInteger("fromStep", 0),
                instant(d, "dueAt"));
    }
}
