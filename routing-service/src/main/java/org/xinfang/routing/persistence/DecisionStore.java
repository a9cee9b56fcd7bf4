package org.xinfang.routing.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.json.EventJson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import org.xinfang.kit.store.IndexDeclaration;

/**
 * Routing decisions, one document per received event: the document id is the received event's id, so a second
 * decision for a redelivered event is refused by the store itself (no transaction needed). The routed event is kept
 * exactly as first published, so a re-publication carries the same event id and content.
 */
public final class DecisionStore implements IndexDeclaration {

    static final String ID = "_id";
    static final String PETITION_ID = "petitionId";
    static final String DISTRICT = "district";
    static final String SCHOOL = "school";
    static final String SUBJECT = "subject";
    static final String DEPARTMENT = "department";
    static final String LEVEL = "level";
    static final String RULE_SET_VERSION = "ruleSetVersion";
    static final String DECIDED_AT = "decidedAt";
    static final String PUBLISHED = "published";
    static final String PUBLISHED_AT = "publishedAt";
    static final String EVENT = "event";

    private final MongoCollection<Document> decisions;

    public DecisionStore(MongoCollection<Document> decisions) {
        this.decisions = decisions;
    }

    @Override
    public Mono<Void> ensureIndexes() {
        return Flux.concat(
                        decisions.createIndex(Indexes.compoundIndex(Indexes.ascending(PETITION_ID), Indexes.descending(DECIDED_AT)),
                                new IndexOptions().name("by-petition")),
                        decisions.createIndex(Indexes.compoundIndex(Indexes.ascending(PUBLISHED), Indexes.ascending(DECIDED_AT)),
                                new IndexOptions().name("unpublished")))
                .then();
    }

    /**
     * Stores the decision unless one exists for the same received event, and answers the decision that stands:
     * the new one, or the one stored by an earlier delivery.
     */
    public Mono<PetitionRouted> decideOnce(PetitionRouted routed) {
        return Mono.from(decisions.insertOne(document(routed)))
                .thenReturn(routed)
                .onErrorResume(DecisionStore::isDuplicate, e -> byReceivedEvent(routed.causeEventId()));
    }

    /**
     * {@link #decideOnce} for a batch, in one unordered write: answers, in the same order, each decision that stands,
     * the new one or the one an earlier delivery stored (also when the batch holds the same received event twice).
     */
    public Mono<List<PetitionRouted>> decideAllOnce(List<PetitionRouted> candidates) {
        if (candidates.isEmpty()) {
            return Mono.just(List.of());
        }
        List<Document> docs = candidates.stream().map(DecisionStore::document).toList();
        return Mono.from(decisions.insertMany(docs, new InsertManyOptions().ordered(false)))
                .thenReturn(candidates)
                .onErrorResume(e -> e instanceof MongoBulkWriteException bulk && bulk.getWriteErrors().stream()
                                .allMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) == ErrorCategory.DUPLICATE_KEY),
                        e -> standing(candidates, (MongoBulkWriteException) e));
    }

    /** The stored decisions in place of the candidates that lost to them. */
    private Mono<List<PetitionRouted>> standing(List<PetitionRouted> candidates, MongoBulkWriteException refused) {
        Set<String> lost = new HashSet<>();
        for (BulkWriteError error : refused.getWriteErrors()) {
            lost.add(candidates.get(error.getIndex()).causeEventId());
        }
        return Flux.from(decisions.find(Filters.in(ID, lost)))
                .collectMap(doc -> doc.getString(ID), DecisionStore::event)
                .map(stored -> {
                    List<PetitionRouted> result = new ArrayList<>(candidates.size());
                    for (PetitionRouted candidate : candidates) {
                        result.add(lost.contains(candidate.causeEventId())
                                ? stored.get(candidate.causeEventId()) : candidate);
                    }
                    return result;
                });
    }

    private static Document document(PetitionRouted routed) {
        // One decision per cause: the received event, or the escalation routing decided again on.
        return new Document(ID, routed.causeEventId())
                .append(PETITION_ID, routed.meta().petitionId())
                .append(DISTRICT, routed.meta().district())
                .append(SCHOOL, routed.meta().school())
                .append(SUBJECT, routed.subject().name())
                .append(DEPARTMENT, routed.department())
                .append(LEVEL, routed.level().name())
                .append(RULE_SET_VERSION, routed.ruleSetVersion())
                .append(DECIDED_AT, Date.from(routed.meta().occurredAt()))
                .append(PUBLISHED, false)
                .append(EVENT, new String(EventJson.write(routed), StandardCharsets.UTF_8));
    }

    /** The decision answering one cause: a received event, or an escalation. */
    public Mono<PetitionRouted> byReceivedEvent(String receivedEventId) {
        return Mono.from(decisions.find(Filters.eq(ID, receivedEventId)).first()).map(DecisionStore::event);
    }

    /** The petition's latest decision (a petition has one received event, but a re-registration would add one). */
    public Mono<PetitionRouted> latestForPetition(String petitionId) {
        return Mono.from(decisions.find(Filters.eq(PETITION_ID, petitionId)).sort(Sorts.descending(DECIDED_AT)).first())
                .map(DecisionStore::event);
    }

    public Mono<Void> markPublished(String receivedEventId, Instant at) {
        return markPublished(List.of(receivedEventId), at);
    }

    public Mono<Void> markPublished(Collection<String> receivedEventIds, Instant at) {
        return Mono.from(decisions.updateMany(Filters.in(ID, receivedEventIds),
                Updates.combine(Updates.set(PUBLISHED, true), Updates.set(PUBLISHED_AT, Date.from(at))))).then();
    }

    /** Decisions whose publication was never confirmed, decided before {@code before}: for the recovery loop. */
    public Flux<PetitionRouted> unpublishedBefore(Instant before, int limit) {
        return Flux.from(decisions.find(Filters.and(Filters.eq(PUBLISHED, false), Filters.lt(DECIDED_AT, Date.from(before))))
                        .sort(Sorts.ascending(DECIDED_AT)).limit(limit))
                .map(DecisionStore::event);
    }

    public Mono<Long> count() {
        return Mono.from(decisions.countDocuments());
    }

    public Flux<PetitionRouted> all() {
        return Flux.from(decisions.find()).map(DecisionStore::event);
    }

    private static PetitionRouted event(Document doc) {
        return EventJson.read(doc.getString(EVENT).getBytes(StandardCharsets.UTF_8), PetitionRouted.class);
    }

    private static boolean isDuplicate(Throwable e) {
        return e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
