package org.xinfang.intake.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.xinfang.contracts.event.PipelineEvent;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.contracts.topic.Topic;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.kit.store.IndexDeclaration;
import org.xinfang.kit.store.StoreFailures;
import org.xinfang.contracts.vocabulary.Satisfaction;
import org.xinfang.intake.domain.Evaluation;
import org.xinfang.intake.domain.HistoryEntry;
import org.xinfang.intake.domain.Petition;
import org.xinfang.intake.domain.PetitionChange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Petitions in MongoDB, one document each, with their pending events embedded (the outbox). Every change is one
 * single-document write guarded by a version, so a petition, its history and its events are never half-written and
 * no multi-document transaction is needed.
 */
public class PetitionStore implements IndexDeclaration {

    /** Longer than the driver's server-selection timeout, so a store that is down answers as such, not as a hang. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    static final String PUBLIC_DOOR = "publicDoor";
    static final String PUBLIC_CODE_HASH = PUBLIC_DOOR + ".codeHash";
    /** What checking a history reads: never the sealed identity. */
    private static final Document HISTORY_CHECK = new Document("district", 1).append("number", 1).append("state", 1)
            .append("history", 1);
    private static final Duration AUDIT_TIMEOUT = Duration.ofMinutes(5);

    private final MongoCollection<Document> petitions;
    private final PetitionDocuments documents;
    private final HistorySeal seal;

    public PetitionStore(MongoCollection<Document> petitions, IdentityCipher cipher, HistorySeal seal) {
        this.petitions = petitions;
        this.documents = new PetitionDocuments(cipher);
        this.seal = seal;
    }

    @Override
    public Mono<Void> ensureIndexes() {
        return Flux.concat(
                        petitions.createIndex(Indexes.ascending(PetitionDocuments.OUTBOX_LEASE_UNTIL),
                                new IndexOptions().name("outbox-due")),
                        // Documents written before sent records gave their lease up still carry one: clear them once,
                        // through the same index range the poll reads, so the range holds only unsent records.
                        petitions.updateMany(new Document("$and", List.of(leased(null),
                                        new Document(PetitionDocuments.OUTBOX + ".0", new Document("$exists", false)))),
                                new Document("$unset", new Document(PetitionDocuments.OUTBOX_LEASE_UNTIL, ""))),
                        petitions.createIndex(Indexes.compoundIndex(Indexes.ascending("district", "school"),
                                Indexes.descending("receivedAt", "_id")), new IndexOptions().name("school-received")),
                        petitions.createIndex(Indexes.ascending("district", "school", "department", "state"),
                                new IndexOptions().name("department-inbox")),
                        // A petition is looked up by the number people give on the phone.
                        petitions.createIndex(Indexes.ascending("district", "number"),
                                new IndexOptions().name("petition-number")),
                        // A petitioner of the public door finds the petition by the hash of their query code.
                        petitions.createIndex(Indexes.ascending(PUBLIC_CODE_HASH),
                                new IndexOptions().name("public-query-code")))
                .then();
    }

    /**
     * Inserts a new petition with its first events pending; the outbox is leased to the caller, who publishes at once.
     * Fails with {@link DuplicatePetitionException} when the id exists (an idempotent retry).
     */
    public Mono<StoredPetition> insert(PetitionChange change, String requestHash, Instant now, Duration lease) {
        return insert(change, requestHash, null, now, lease);
    }

    /** Inserts a petition sent through the public door, its query code's hash in the same document. */
    public Mono<StoredPetition> insert(PetitionChange change, String requestHash, PublicDoorRecord door, Instant now,
                                       Duration lease) {
        Petition p = change.after();
        Document doc = new Document("_id", p.id());
        doc.putAll(documents.fields(p));
        List<Document> history = seal.sealed("", p.id(), 0, p.history().stream().map(documents::history).toList());
        doc.append("history", history)
                .append(PetitionDocuments.VERSION, 0L)
                .append(PetitionDocuments.OUTBOX, outboxEntries(change.events(), now))
                .append(PetitionDocuments.SENT_EVENTS, List.of())
                .append(PetitionDocuments.APPLIED_EVENTS, List.of())
                .append(PetitionDocuments.REQUEST_HASH, requestHash);
        if (door != null) {
            doc.append(PUBLIC_DOOR, new Document("codeHash", door.codeHash()).append("sealedCode", door.sealedCode()));
        }
        if (!change.events().isEmpty()) {
            doc.append(PetitionDocuments.OUTBOX_LEASE_UNTIL, PetitionDocuments.date(now.plus(lease)));
        }
        // The stored form is what was just written: no need to read it back (or to open the sealed identity again).
        StoredPetition stored = new StoredPetition(p, 0L, documents.outbox(doc), Set.of(), HistorySeal.lastSealOf(doc));
        return Mono.from(petitions.insertOne(doc))
                .map(ok -> stored)
                .onErrorMap(e -> e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY,
                        e -> new DuplicatePetitionException(p.id()))
                .transform(this::guarded);
    }

    /**
     * Writes a change on top of the version read, appending its history and events. Empty when someone else changed
     * the petition in between (the caller reads again and retries).
     *
     * @param causeEventId the consumed event this change applies, recorded so a replay is recognised; may be null
     */
    public Mono<StoredPetition> update(StoredPetition before, PetitionChange change, String causeEventId, Instant now,
                                       Duration lease) {
        return update(before, change, causeEventId, now, lease, new Document(), new Document());
    }

    /**
     * Records the petitioner's evaluation with its history and event, once: empty when the petition changed meanwhile
     * or holds an evaluation already (the caller reads again and tells which).
     */
    public Mono<StoredPetition> evaluate(StoredPetition before, PetitionChange change, Evaluation e, Instant now,
                                         Duration lease) {
        Document evaluation = new Document("satisfaction", e.satisfaction().name()).append("comment", e.comment())
                .append("at", PetitionDocuments.date(e.at()));
        return update(before, change, null, now, lease, new Document(PUBLIC_DOOR + ".evaluation", evaluation),
                new Document(PUBLIC_DOOR + ".evaluation", new Document("$exists", false)));
    }

    /** The petition whose query code has this hash, with what the public door keeps of it. */
    public Mono<PublicPetition> findByCodeHash(String codeHash) {
        return Mono.from(petitions.find(new Document(PUBLIC_CODE_HASH, codeHash)).first())
                .map(d -> new PublicPetition(documents.stored(d), door(d.get(PUBLIC_DOOR, Document.class))))
                .transform(this::guarded);
    }

    /** What the public door keeps of a petition, for answering a repeated submission. */
    public Mono<PublicDoorRecord> doorOf(String id) {
        return Mono.from(petitions.find(new Document("_id", id)).projection(new Document(PUBLIC_DOOR, 1)).first())
                .mapNotNull(d -> door(d.get(PUBLIC_DOOR, Document.class)))
                .transform(this::guarded);
    }

    private static PublicDoorRecord door(Document d) {
        if (d == null) {
            return null;
        }
        Document e = d.get("evaluation", Document.class);
        Evaluation evaluation = e == null ? null : new Evaluation(Satisfaction.valueOf(e.getString("satisfaction")),
                e.getString("comment"), e.getDate("at").toInstant());
        return new PublicDoorRecord(d.getString("codeHash"), d.getString("sealedCode"), evaluation);
    }

    private Mono<StoredPetition> update(StoredPetition before, PetitionChange change, String causeEventId, Instant now,
                                        Duration lease, Document extraSet, Document extraFilter) {
        Petition p = change.after();
        Document set = documents.fields(p);
        set.putAll(extraSet);
        Document update = new Document("$inc", new Document(PetitionDocuments.VERSION, 1L));
        Document push = new Document();
        if (!change.appended().isEmpty()) {
            List<Document> appended = seal.sealed(before.lastSeal(), p.id(), before.petition().history().size(),
                    change.appended().stream().map(documents::history).toList());
            push.append("history", new Document("$each", appended));
        }
        if (!change.events().isEmpty()) {
            push.append(PetitionDocuments.OUTBOX, new Document("$each", outboxEntries(change.events(), now)));
            set.append(PetitionDocuments.OUTBOX_LEASE_UNTIL, PetitionDocuments.date(now.plus(lease)));
        }
        if (causeEventId != null) {
            push.append(PetitionDocuments.APPLIED_EVENTS, causeEventId);
        }
        update.append("$set", set);
        if (!push.isEmpty()) {
            update.append("$push", push);
        }
        Document filter = new Document("_id", p.id()).append(PetitionDocuments.VERSION, before.version());
        filter.putAll(extraFilter);
        return Mono.from(petitions.findOneAndUpdate(filter, update,
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(documents::stored)
                .transform(this::guarded);
    }

    /** Checks the sealed history of one petition of the district; empty when the district has no such petition. */
    public Mono<HistoryIntegrity> verifyHistory(String district, String id) {
        return Mono.from(petitions.find(new Document("_id", id)).projection(HISTORY_CHECK).first())
                .filter(d -> district.equals(d.getString("district")))
                .map(seal::verify)
                .transform(this::guarded);
    }

    /** Checks the sealed history of every petition of a district: an operator's audit, not a hot path. */
    public Flux<HistoryIntegrity> verifyHistories(String district) {
        return Flux.from(petitions.find(new Document("district", district)).projection(HISTORY_CHECK))
                .map(seal::verify)
                .timeout(AUDIT_TIMEOUT)
                .onErrorMap(PetitionStore::unavailable,
                        e -> new StoreUnavailableException("the petition store is unavailable", e));
    }

    public Mono<StoredPetition> find(String id) {
        return Mono.from(petitions.find(new Document("_id", id)).first()).map(documents::stored).transform(this::guarded);
    }

    /**
     * A school sees its own petitions only: another school's id is simply not found. The tenancy is checked here
     * rather than in the query, so the lookup stays a pure {@code _id} lookup that every store serves from its index.
     */
    public Mono<StoredPetition> findForSchool(String district, String school, String id) {
        return Mono.from(petitions.find(new Document("_id", id)).first())
                .filter(d -> district.equals(d.getString("district")) && school.equals(d.getString("school")))
                .map(documents::stored)
                .transform(this::guarded);
    }

    /** The request fingerprint stored with a petition registered under an idempotency key. */
    public Mono<String> requestHashOf(String id) {
        return Mono.from(petitions.find(new Document("_id", id))
                        .projection(new Document(PetitionDocuments.REQUEST_HASH, 1)).first())
                .mapNotNull(d -> d.getString(PetitionDocuments.REQUEST_HASH))
                .transform(this::guarded);
    }

    /**
     * Marks one outbox entry sent: it leaves the outbox and its id joins the sent events. Idempotent, so it needs no
     * condition beyond the {@code _id} (a second mark pulls nothing and adds nothing). Answers the entries still
     * unsent, which may include ones written meanwhile. When none is left the lease goes too, so that the petition
     * leaves the index range the relay polls: that range holds the unsent records only, however long the history.
     */
    public Mono<List<OutboxEntry>> markSent(String id, String eventId) {
        return Mono.from(petitions.findOneAndUpdate(new Document("_id", id),
                        new Document("$pull", new Document(PetitionDocuments.OUTBOX, new Document("eventId", eventId)))
                                .append("$addToSet", new Document(PetitionDocuments.SENT_EVENTS, eventId)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(documents::outbox)
                .flatMap(remaining -> remaining.isEmpty() ? giveUpLease(id).thenReturn(remaining) : Mono.just(remaining))
                .defaultIfEmpty(List.of())
                .transform(this::guarded);
    }

    /**
     * Drops the lease of a petition whose outbox is empty. The condition makes it safe against a change that wrote
     * new events meanwhile: that write set a lease of its own together with its entries, and keeps it.
     */
    private Mono<Void> giveUpLease(String id) {
        return Mono.from(petitions.updateOne(new Document("_id", id)
                                .append(PetitionDocuments.OUTBOX + ".0", new Document("$exists", false)),
                        new Document("$unset", new Document(PetitionDocuments.OUTBOX_LEASE_UNTIL, ""))))
                .then();
    }

    /** Takes the lease of one petition whose unsent events are due, so no other relay publishes them meanwhile. */
    public Mono<StoredPetition> claimDue(Instant now, Duration lease) {
        Bson due = new Document("$and", List.of(leased(now),
                new Document(PetitionDocuments.OUTBOX + ".0", new Document("$exists", true))));
        Bson take = new Document("$set", new Document(PetitionDocuments.OUTBOX_LEASE_UNTIL,
                PetitionDocuments.date(now.plus(lease))));
        return Mono.from(petitions.findOneAndUpdate(due, take,
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(documents::stored)
                .transform(this::guarded);
    }

    /** Gives the outbox back early after a failed publish (the failed send is over), so it is retried soon. */
    public Mono<Void> releaseLease(String id, Instant retryAt) {
        // Only while entries are left: a lease on an empty outbox would put a sent record back in the poll's range.
        return Mono.from(petitions.updateOne(new Document("_id", id)
                                .append(PetitionDocuments.OUTBOX + ".0", new Document("$exists", true)),
                        new Document("$set", new Document(PetitionDocuments.OUTBOX_LEASE_UNTIL,
                                PetitionDocuments.date(retryAt)))))
                .then()
                .transform(this::guarded);
    }

    /**
     * One page of a school's petitions matching the filter, in a stable order, starting after the cursor. Reads one
     * more than asked so the caller knows whether another page follows.
     */
    public Flux<StoredPetition> page(PetitionFilter f, PageOrder order, PageCursor after, int size) {
        List<Bson> conditions = new ArrayList<>();
        conditions.add(new Document("district", f.district()).append("school", f.school()));
        if (f.handledBy() != null) {
            conditions.add(new Document("$or", List.of(new Document("department", f.handledBy()),
                    new Document("routing.coDepartments", f.handledBy()))));
        }
        if (!f.states().isEmpty()) {
            conditions.add(new Document("state", new Document("$in", f.states().stream().map(Enum::name).sorted().toList())));
        }
        if (f.subject() != null) {
            conditions.add(new Document("subject", f.subject().name()));
        }
        if (f.department() != null) {
            conditions.add(new Document("department", f.department()));
        }
        if (f.form() != null) {
            conditions.add(new Document("form", f.form().name()));
        }
        if (f.level() != null) {
            conditions.add(new Document("level", f.level().name()));
        }
        if (f.channel() != null) {
            conditions.add(new Document("channel", f.channel().name()));
        }
        if (f.number() != null) {
            conditions.add(new Document("number", f.number()));
        }
        if (f.receivedFrom() != null) {
            conditions.add(new Document("receivedAt", new Document("$gte", PetitionDocuments.date(f.receivedFrom()))));
        }
        if (f.receivedUntil() != null) {
            conditions.add(new Document("receivedAt", new Document("$lt", PetitionDocuments.date(f.receivedUntil()))));
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            conditions.add(new Document("dueBy", new Document("$lt", PetitionDocuments.date(f.now()))));
        } else if (Boolean.FALSE.equals(f.overdue())) {
            conditions.add(new Document("$or", List.of(new Document("dueBy", null),
                    new Document("dueBy", new Document("$gte", PetitionDocuments.date(f.now()))))));
        }
        if (order == PageOrder.DUE_FIRST) {
            conditions.add(new Document("dueBy", new Document("$ne", null)));
        }
        if (after != null) {
            String beyond = order.direction < 0 ? "$lt" : "$gt";
            conditions.add(new Document("$or", List.of(
                    new Document(order.field, new Document(beyond, PetitionDocuments.date(after.key()))),
                    new Document(order.field, PetitionDocuments.date(after.key()))
                            .append("_id", new Document(beyond, after.id())))));
        }
        Document sort = new Document(order.field, order.direction).append("_id", order.direction);
        return Flux.from(petitions.find(new Document("$and", conditions)).sort(sort).limit(size + 1))
                .map(documents::stored)
                .transform(call -> call.timeout(CALL_TIMEOUT).onErrorMap(PetitionStore::unavailable,
                        e -> new StoreUnavailableException("the petition store is unavailable", e)));
    }

    /** How many petitions have events not yet published: the lease range, read through its index. */
    public Mono<Long> countPending() {
        return Mono.from(petitions.countDocuments(new Document("$and", List.of(leased(null),
                new Document(PetitionDocuments.OUTBOX + ".0", new Document("$exists", true))))))
                .transform(this::guarded);
    }

    /**
     * The petitions holding a lease that runs out by {@code until} (any lease when null): a range of the
     * {@code outbox-due} index. The lower bound keeps documents without a lease (every sent record) out of the range,
     * in MongoDB and in the local store alike, so the poll costs what is unsent, not what was ever written.
     */
    private static Document leased(Instant until) {
        Document range = new Document("$gte", PetitionDocuments.date(Instant.EPOCH));
        if (until != null) {
            range.append("$lte", PetitionDocuments.date(until));
        }
        return new Document(PetitionDocuments.OUTBOX_LEASE_UNTIL, range);
    }

    private List<Document> outboxEntries(List<PipelineEvent> events, Instant now) {
        List<Document> entries = new ArrayList<>();
        for (PipelineEvent event : events) {
            Topic<?> topic = topicOf(event);
            entries.add(documents.outboxEntry(event.meta().eventId(), topic.name(), topic.keyOf(event),
                    new String(EventJson.write(event), java.nio.charset.StandardCharsets.UTF_8), now));
        }
        return entries;
    }

    private static Topic<?> topicOf(PipelineEvent event) {
        return Topics.ALL.stream().filter(t -> t.valueType() == event.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic for " + event.getClass().getSimpleName()));
    }

    /** Maps "the store is not there" to one exception the web layer answers with 503, and bounds every call. */
    private <T> Mono<T> guarded(Mono<T> call) {
        return call.timeout(CALL_TIMEOUT)
                .onErrorMap(PetitionStore::unavailable,
                        e -> new StoreUnavailableException("the petition store is unavailable", e));
    }

    static boolean unavailable(Throwable e) {
        return StoreFailures.unavailable(e);
    }
}
