package org.xinfang.notification.persistence;

import static org.xinfang.notification.persistence.Documents.date;
import static org.xinfang.notification.persistence.Documents.instant;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.notification.domain.DeadlineLimit;
import org.xinfang.notification.domain.DeadlineTimer;
import org.xinfang.notification.domain.PetitionDeadlines;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Each petition's standing against its limits ({@code deadline_petitions}, one document per petition, every write a
 * single-document upsert) and the deadline timers ({@code deadline_timers}): PENDING until one instance claims it
 * (FIRING, one atomic findOneAndUpdate), then FIRED, or CANCELLED when the limit was met or moved.
 */
@Repository
public class DeadlineStore implements IndexedStore {

    private static final String PENDING = "PENDING";
    private static final String FIRING = "FIRING";
    private static final String PENDING_TIMERS = "pendingTimers";

    private final MongoCollection<Document> petitions;
    private final MongoCollection<Document> timers;

    DeadlineStore(MongoDatabase database) {
        this.petitions = database.getCollection("deadline_petitions");
        this.timers = database.getCollection("deadline_timers");
    }

    @Override
    public Mono<Void> createIndexes() {
        return Mono.from(timers.createIndex(Indexes.ascending("state", "dueAt")))
                .then(Mono.from(timers.createIndex(Indexes.ascending("petitionId", "limit"))))
                .then(Mono.from(petitions.createIndex(Indexes.ascending("acceptanceDone", "acceptBy"))))
                .then(Mono.from(petitions.createIndex(Indexes.ascending("handlingDone", "handleDue")))).then();
    }

    /**
     * How many petitions have passed a limit at {@code now} and still stand under it: not accepted or refused by
     * their acceptance limit, not finished by their handling limit (as an extension moved it).
     */
    public Mono<java.util.Map<DeadlineLimit, Long>> overdue(Instant now) {
        Mono<Long> acceptance = Mono.from(petitions.countDocuments(Filters.and(Filters.ne("acceptanceDone", true),
                Filters.lt("acceptBy", date(now)))));
        Mono<Long> handling = Mono.from(petitions.countDocuments(Filters.and(Filters.ne("handlingDone", true),
                Filters.lt("handleDue", date(now)))));
        return Mono.zip(acceptance, handling).map(both -> java.util.Map.of(DeadlineLimit.ACCEPTANCE, both.getT1(),
                DeadlineLimit.HANDLING, both.getT2()));
    }

    /** Records routing's decisions of one poll in one unordered write (the latest wins: re-routing moves department). */
    public Mono<Void> routedAll(List<PetitionDeadlines> batch) {
        return routedAll(batch, List.of());
    }

    /**
     * As {@link #routedAll(List)}, with the acceptance timers kept in each petition's own document until they fall
     * due (see {@link #handOverDue}): one write per routed petition instead of three, and a petition accepted in
     * time never costs a timer document.
     */
    public Mono<Void> routedAll(List<PetitionDeadlines> batch, List<DeadlineTimer> timersOfBatch) {
        if (batch.isEmpty()) {
            return Mono.empty();
        }
        java.util.Map<String, List<Document>> embedded = timersOfBatch.stream().collect(
                java.util.stream.Collectors.groupingBy(DeadlineTimer::petitionId,
                        java.util.stream.Collectors.mapping(DeadlineStore::embedded, java.util.stream.Collectors.toList())));
        return Mono.from(petitions.bulkWrite(batch.stream().map(p -> {
                    Bson update = routedFields(p);
                    List<Document> timersOfPetition = embedded.getOrDefault(p.petitionId(), List.of());
                    if (!timersOfPetition.isEmpty()) {
                        update = Updates.combine(update, Updates.addEachToSet(PENDING_TIMERS, timersOfPetition));
                    }
                    return new UpdateOneModel<Document>(Filters.eq("_id", p.petitionId()), update,
                            new UpdateOptions().upsert(true));
                }).toList(), new BulkWriteOptions().ordered(false))).then();
    }

    private static Document embedded(DeadlineTimer t) {
        return new Document("timerId", t.timerId()).append("limit", t.limit().name()).append("kind", t.kind().name())
                .append("dueAt", date(t.dueAt())).append("limitAt", date(t.limitAt()))
                .append("causeEventId", t.causeEventId());
    }

    private static DeadlineTimer embeddedTimer(String petitionId, Document e) {
        return new DeadlineTimer(e.getString("timerId"), petitionId, DeadlineLimit.valueOf(e.getString("limit")),
                DeadlineTimer.Kind.valueOf(e.getString("kind")), instant(e, "dueAt"), instant(e, "limitAt"),
                e.getString("causeEventId"));
    }

    private static List<DeadlineTimer> embeddedTimers(Document standing) {
        return standing.getList(PENDING_TIMERS, Document.class, List.of()).stream()
                .map(e -> embeddedTimer(standing.getString("_id"), e)).toList();
    }

    /**
     * Moves the timers kept in petitions' documents that are due by {@code now} into the timer collection (PENDING,
     * insert-if-absent, so a second instance or a crash between the two writes stores each once), then out of the
     * petition's document; from there they are claimed like any timer. Returns how many were handed over.
     */
    public Mono<Integer> handOverDue(Instant now) {
        return Flux.from(petitions.find(Filters.lte(PENDING_TIMERS + ".dueAt", date(now))).limit(200))
                .concatMap(standing -> {
                    List<DeadlineTimer> due = embeddedTimers(standing).stream()
                            .filter(t -> !t.dueAt().isAfter(now)).toList();
                    return moveOut(standing.getString("_id"), due, PENDING).thenReturn(due.size());
                })
                .reduce(0, Integer::sum);
    }

    /** Stores the timers in the timer collection in {@code state} (unless there already), then drops them from the petition. */
    private Mono<Void> moveOut(String petitionId, List<DeadlineTimer> moved, String state) {
        if (moved.isEmpty()) {
            return Mono.empty();
        }
        return insertTimers(moved, state)
                .then(Mono.from(petitions.updateOne(Filters.eq("_id", petitionId), Updates.pull(PENDING_TIMERS,
                        Filters.in("timerId", moved.stream().map(DeadlineTimer::timerId).toList())))))
                .then();
    }

    /** Records routing's decision (the latest wins: a re-routed petition changes department); returns the standing. */
    public Mono<PetitionDeadlines> routed(PetitionDeadlines routed) {
        return upsert(routed.petitionId(), routedFields(routed));
    }

    private static Bson routedFields(PetitionDeadlines routed) {
        return Updates.combine(Updates.set("district", routed.district()), Updates.set("school", routed.school()),
                Updates.set("department", routed.department()), Updates.set("level", routed.level().name()),
                Updates.set("subject", routed.subject() == null ? null : routed.subject().name()),
                Updates.set("acceptBy", date(routed.acceptBy())), Updates.set("handleWithinDays", routed.handleWithinDays()),
                Updates.set("extensionMaxDays", routed.extensionMaxDays()), Updates.set("caption", routed.caption()));
    }

    /** Accepted in time or not: the acceptance limit is met and handling is due at {@code handleDue}. */
    public Mono<PetitionDeadlines> accepted(String petitionId, Instant handleDue) {
        return upsert(petitionId, Updates.combine(Updates.set("acceptanceDone", true),
                Updates.set("handleDue", date(handleDue))));
    }

    /** An approved extension moves the handling limit. */
    public Mono<PetitionDeadlines> extended(String petitionId, Instant handleDue) {
        return upsert(petitionId, Updates.combine(Updates.set("acceptanceDone", true),
                Updates.set("handleDue", date(handleDue))));
    }

    /** Resolved, closed or refused: no limit applies any more. */
    public Mono<PetitionDeadlines> finished(String petitionId) {
        return upsert(petitionId, Updates.combine(Updates.set("acceptanceDone", true), Updates.set("handlingDone", true)));
    }

    public Mono<PetitionDeadlines> byId(String petitionId) {
        return Mono.from(petitions.find(Filters.eq("_id", petitionId)).first()).map(DeadlineStore::petitionOf);
    }

    private Mono<PetitionDeadlines> upsert(String petitionId, Bson update) {
        return Mono.from(petitions.findOneAndUpdate(Filters.eq("_id", petitionId), update,
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)))
                .map(DeadlineStore::petitionOf);
    }

    /** Stores the timers that are not stored yet (scheduling again after a redelivery moves nothing). */
    public Mono<Void> schedule(List<DeadlineTimer> due) {
        return insertTimers(due, PENDING);
    }

    private Mono<Void> insertTimers(List<DeadlineTimer> due, String state) {
        if (due.isEmpty()) {
            return Mono.empty();
        }
        return Mono.from(timers.insertMany(due.stream().map(t -> new Document("_id", t.timerId())
                                .append("petitionId", t.petitionId()).append("limit", t.limit().name())
                                .append("kind", t.kind().name()).append("dueAt", date(t.dueAt()))
                                .append("limitAt", date(t.limitAt())).append("causeEventId", t.causeEventId())
                                .append("state", state)).toList(), new InsertManyOptions().ordered(false)))
                .then().onErrorResume(Documents::onlyDuplicates, e -> Mono.empty());
    }

    /**
     * Cancels the pending timers of a limit that was met or moved: those still kept in the petition's document are
     * recorded as CANCELLED in the timer collection (so the record shows them), and the stored ones are cancelled.
     */
    public Mono<Void> cancelPending(String petitionId, List<DeadlineLimit> limits) {
        return Mono.from(petitions.find(Filters.eq("_id", petitionId)).first())
                .flatMap(standing -> moveOut(petitionId, embeddedTimers(standing).stream()
                        .filter(t -> limits.contains(t.limit())).toList(), "CANCELLED"))
                .then(Mono.from(timers.updateMany(Filters.and(Filters.eq("petitionId", petitionId),
                        Filters.in("limit", limits.stream().map(Enum::name).toList()), Filters.eq("state", PENDING)),
                        Updates.set("state", "CANCELLED"))))
                .then();
    }

    /** Claims the earliest due timer for this instance, atomically; empty when none is due. */
    public Mono<DeadlineTimer> claimDue(Instant now, String owner) {
        return Mono.from(timers.findOneAndUpdate(
                        Filters.and(Filters.eq("state", PENDING), Filters.lte("dueAt", date(now))),
                        Updates.combine(Updates.set("state", FIRING), Updates.set("claimedBy", owner),
                                Updates.set("claimedAt", date(now))),
                        new FindOneAndUpdateOptions().sort(Sorts.ascending("dueAt")).returnDocument(ReturnDocument.AFTER)))
                .map(DeadlineStore::timerOf);
    }

    /** Ends a claimed timer: FIRED, or CANCELLED when its limit no longer held at the time. */
    public Mono<Void> finish(String timerId, boolean fired, Instant at) {
        return Mono.from(timers.updateOne(Filters.eq("_id", timerId),
                Updates.combine(Updates.set("state", fired ? "FIRED" : "CANCELLED"), Updates.set("finishedAt", date(at)))))
                .then();
    }

    /** Gives back timers whose claimant died mid-fire; firing again is safe (the alert id is derived). */
    public Mono<Long> releaseClaimedBefore(Instant before) {
        return Mono.from(timers.updateMany(Filters.and(Filters.eq("state", FIRING), Filters.lt("claimedAt", date(before))),
                Updates.set("state", PENDING))).map(r -> r.getModifiedCount());
    }

    /** The states of a petition's timers, for tests and the record. */
    public Flux<String> statesOf(String petitionId) {
        Mono<List<Document>> stored = Flux.from(timers.find(Filters.eq("petitionId", petitionId))).collectList();
        Mono<List<Document>> kept = Mono.from(petitions.find(Filters.eq("_id", petitionId)).first())
                .map(standing -> standing.getList(PENDING_TIMERS, Document.class, List.of()))
                .defaultIfEmpty(List.of());
        // A kept timer already in the collection is the same timer, kept again by a redelivered routing decision
        // and dropped at the next hand-over: the collection's state is the one that counts.
        return Mono.zip(stored, kept).flatMapIterable(both -> {
                    java.util.Set<String> storedIds = new java.util.HashSet<>();
                    both.getT1().forEach(d -> storedIds.add(d.getString("_id")));
                    List<Document> all = new java.util.ArrayList<>(both.getT1());
                    both.getT2().stream().filter(e -> !storedIds.contains(e.getString("timerId")))
                            .map(e -> new Document(e).append("state", PENDING)).forEach(all::add);
                    all.sort(java.util.Comparator.comparing((Document d) -> instant(d, "dueAt")));
                    return all;
                })
                .map(d -> d.getString("limit") + "/" + d.getString("kind") + "/" + d.getString("state"));
    }

    static DeadlineTimer timerOf(Document d) {
        return new DeadlineTimer(d.getString("_id"), d.getString("petitionId"), DeadlineLimit.valueOf(d.getString("limit")),
                DeadlineTimer.Kind.valueOf(d.getString("kind")), instant(d, "dueAt"), instant(d, "limitAt"),
                d.getString("causeEventId"));
    }

    static PetitionDeadlines petitionOf(Document d) {
        String level = d.getString("level");
        String subject = d.getString("subject");
        return new PetitionDeadlines(d.getString("_id"), d.getString("district"), d.getString("school"),
                d.getString("department"), level == null ? null : EmergencyLevel.valueOf(level),
                subject == null ? null : Subject.valueOf(subject), instant(d, "acceptBy"),
                d.getInteger("handleWithinDays"), d.getInteger("extensionMaxDays"), d.getBoolean("acceptanceDone", false),
                instant(d, "handleDue"), d.getBoolean("handlingDone", false),
                d.getString("caption") == null ? "信访事项（无编号）" : d.getString("caption"));
    }
}
