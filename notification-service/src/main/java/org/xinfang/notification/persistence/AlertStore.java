package org.xinfang.notification.persistence;

import static org.xinfang.notification.persistence.Documents.date;
import static org.xinfang.notification.persistence.Documents.instant;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.notification.domain.Alert;
import org.xinfang.notification.domain.AlertState;
import org.xinfang.notification.domain.EscalationPolicy;
import org.xinfang.notification.domain.RecipientRole;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The alerts, one document each, keyed by the alert's derived id: inserting an alert that already exists is a
 * duplicate key, which is how a redelivered routed event stays one alert per recipient.
 */
@Repository
public class AlertStore implements IndexedStore {

    private static final String REPUBLISHED_ON_REDELIVERY = "republishedOnRedelivery";
    private static final String FIRST_STEP_DUE = "firstEscalationDueAt";
    private static final String FIRST_STEP_FROM = "firstEscalationFromStep";

    private final MongoCollection<Document> alerts;

    private final EscalationPolicy escalation;

    AlertStore(MongoDatabase database, EscalationPolicy escalation) {
        this.alerts = database.getCollection("alerts");
        this.escalation = escalation;
    }

    /** The first escalation step of an alert, kept in the alert's own document until it falls due. */
    public record FirstStep(String alertId, int fromStep, Instant dueAt) {
    }

    @Override
    public Mono<Void> createIndexes() {
        // No unique index beside _id: the derived id already means one alert per (routed event, recipient), and in
        // the local store every unique index costs two more tree searches per insert.
        return Flux.concat(
                alerts.createIndex(Indexes.ascending("petitionId", "raisedAt")),
                alerts.createIndex(Indexes.ascending("publishedAt", "raisedAt")),
                alerts.createIndex(Indexes.ascending(FIRST_STEP_DUE), new IndexOptions().sparse(true)))
                .then();
    }

    /**
     * Stores the alerts that are not stored yet, in one unordered write (one round trip for a whole poll); returns how
     * many were new. Alerts already there (a redelivered event) are duplicate keys, which is the point.
     */
    public Mono<Long> insertNew(List<Alert> batch) {
        return insertNew(batch, false);
    }

    /**
     * As {@link #insertNew(List)}; with {@code republishedOnRedelivery} the alerts' events are guarded by the consumer
     * offset instead of a mark (their routed event is redelivered, and its alerts published again, until the poll's
     * offset is committed after the broker has them), so the recovery sweep leaves them alone and no second write
     * marks them published.
     */
    public Mono<Long> insertNew(List<Alert> batch, boolean republishedOnRedelivery) {
        if (batch.isEmpty()) {
            return Mono.just(0L);
        }
        return Mono.from(alerts.insertMany(batch.stream().map(a -> {
                            Document doc = withFirstStep(toDocument(a), a);
                            return republishedOnRedelivery ? doc.append(REPUBLISHED_ON_REDELIVERY, true) : doc;
                        }).toList(),
                        new InsertManyOptions().ordered(false)))
                .map(result -> (long) result.getInsertedIds().size())
                .onErrorResume(Documents::onlyDuplicates, e -> Mono.just((long) Documents.insertedDespite(e, batch.size())));
    }

    /**
     * The alert's first escalation timer travels in the alert's own insert: an alert that is acknowledged in time
     * never costs a timer document. {@link #firstStepsDue} hands it to the timer store once it falls due.
     */
    private Document withFirstStep(Document doc, Alert alert) {
        escalation.next(alert).ifPresent(step -> doc.append(FIRST_STEP_FROM, step.fromStep())
                .append(FIRST_STEP_DUE, date(alert.raisedAt().plus(step.waitFor()))));
        return doc;
    }

    /** Open alerts whose first escalation step is due and not yet handed to the timer store. */
    public Flux<FirstStep> firstStepsDue(Instant now, int limit) {
        return Flux.from(alerts.find(Filters.and(Filters.lte(FIRST_STEP_DUE, date(now)),
                        Filters.eq("state", AlertState.OPEN.name())))
                .sort(Sorts.ascending(FIRST_STEP_DUE)).limit(limit))
                .map(d -> new FirstStep(d.getString("_id"), d.getInteger(FIRST_STEP_FROM, 0), instant(d, FIRST_STEP_DUE)));
    }

    /**
     * The earliest first step due before {@code horizon} and not yet handed to the timer store, of an alert still
     * open. Bounded, so that a store without secondary indexes collects a few documents, not every open alert.
     */
    public Mono<Instant> nextFirstStep(Instant horizon) {
        return Mono.from(alerts.find(Filters.and(Filters.lte(FIRST_STEP_DUE, date(horizon)),
                        Filters.eq("state", AlertState.OPEN.name())))
                .sort(Sorts.ascending(FIRST_STEP_DUE)).limit(1).first())
                .map(d -> instant(d, FIRST_STEP_DUE));
    }

    /** These first steps are in the timer store now (written before this, so a crash in between loses none). */
    public Mono<Void> firstStepsHandedOver(List<String> alertIds) {
        if (alertIds.isEmpty()) {
            return Mono.empty();
        }
        return Mono.from(alerts.updateMany(Filters.in("_id", alertIds),
                Updates.combine(Updates.unset(FIRST_STEP_DUE), Updates.unset(FIRST_STEP_FROM)))).then();
    }

    /** Records that the AlertRaised events of these alerts reached the broker, so recovery leaves them alone. */
    public Mono<Void> markPublished(List<String> alertIds, Instant at) {
        return Mono.from(alerts.updateMany(Filters.in("_id", alertIds), Updates.set("publishedAt", date(at)))).then();
    }

    public Mono<Void> markAckPublished(String alertId, Instant at) {
        return Mono.from(alerts.updateOne(Filters.eq("_id", alertId), Updates.set("ackPublishedAt", date(at)))).then();
    }

    /** Acknowledged alerts whose AlertAcknowledged may not have reached the broker. */
    public Flux<Alert> ackUnpublishedBefore(Instant before, int limit) {
        return Flux.from(alerts.find(Filters.and(Filters.eq("state", AlertState.ACKNOWLEDGED.name()),
                        Filters.eq("ackPublishedAt", null), Filters.lt("acknowledgedAt", date(before))))
                .limit(limit)).map(AlertStore::fromDocument);
    }

    /** Alerts whose events may not have reached the broker (the process died between the write and the publish). */
    public Flux<Alert> unpublishedRaisedBefore(Instant before, int limit) {
        return Flux.from(alerts.find(Filters.and(Filters.eq("publishedAt", null),
                        Filters.ne(REPUBLISHED_ON_REDELIVERY, true), Filters.lt("raisedAt", date(before))))
                .limit(limit)).map(AlertStore::fromDocument);
    }

    /** A petition's alerts within a district (a petition belongs to one school, so this is that school's). */
    public Flux<Alert> forPetition(String district, String petitionId) {
        return Flux.from(alerts.find(Filters.and(Filters.eq("petitionId", petitionId), Filters.eq("district", district)))
                .sort(Sorts.ascending("raisedAt", "_id"))).map(AlertStore::fromDocument);
    }

    public Flux<Alert> forPetition(String district, String school, String petitionId) {
        return Flux.from(alerts.find(Filters.and(Filters.eq("petitionId", petitionId), Filters.eq("school", school),
                        Filters.eq("district", district)))
                .sort(Sorts.ascending("raisedAt", "_id"))).map(AlertStore::fromDocument);
    }

    public Flux<Alert> openOfIncident(String incidentId, AlertKind kind) {
        return Flux.from(alerts.find(Filters.and(Filters.eq("incidentId", incidentId), Filters.eq("kind", kind.name()),
                Filters.eq("state", AlertState.OPEN.name())))).map(AlertStore::fromDocument);
    }

    /** Whether a critical alert for the petition is still open (it inhibits the petition's lower alerts). */
    public Mono<Boolean> openCriticalFor(String petitionId) {
        return Mono.from(alerts.find(Filters.and(Filters.eq("petitionId", petitionId),
                        Filters.eq("level", EmergencyLevel.CRITICAL.name()), Filters.eq("state", AlertState.OPEN.name())))
                .limit(1).first()).hasElement();
    }

    public Mono<Alert> byId(String alertId) {
        return Mono.from(alerts.find(Filters.eq("_id", alertId)).first()).map(AlertStore::fromDocument);
    }

    /** Acknowledges an open alert in one atomic write; empty if it was not open (already acknowledged). */
    public Mono<Alert> acknowledge(String alertId, String by, String role, Instant at) {
        Bson update = Updates.combine(Updates.set("state", AlertState.ACKNOWLEDGED.name()), Updates.set("acknowledgedBy", by),
                Updates.set("acknowledgedRole", role), Updates.set("acknowledgedAt", date(at)));
        return Mono.from(alerts.findOneAndUpdate(
                        Filters.and(Filters.eq("_id", alertId), Filters.eq("state", AlertState.OPEN.name())), update,
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(AlertStore::fromDocument);
    }

    /** Moves an open alert to the next step of its chain, only if it is still at {@code fromStep} and open. */
    public Mono<Alert> advanceStep(String alertId, int fromStep, String toRole) {
        return Mono.from(alerts.findOneAndUpdate(
                        Filters.and(Filters.eq("_id", alertId), Filters.eq("state", AlertState.OPEN.name()),
                                Filters.eq("step", fromStep)),
                        Updates.combine(Updates.set("step", fromStep + 1), Updates.set("currentRole", toRole)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(AlertStore::fromDocument);
    }

    static Document toDocument(Alert a) {
        return new Document("_id", a.alertId())
                .append("incidentId", a.incidentId())
                .append("causeEventId", a.causeEventId())
                .append("district", a.district())
                .append("school", a.school())
                .append("petitionId", a.petitionId())
                .append("kind", a.kind().name())
                .append("level", a.level().name())
                .append("recipientRole", a.recipientRole().name())
                .append("department", a.department())
                .append("summary", a.summary())
                .append("details", a.details())
                .append("state", a.state().name())
                .append("step", a.step())
                .append("currentRole", a.currentRole().name())
                .append("raisedAt", date(a.raisedAt()))
                .append("acknowledgedBy", a.acknowledgedBy())
                .append("acknowledgedRole", a.acknowledgedRole())
                .append("acknowledgedAt", date(a.acknowledgedAt()))
                .append("publishedAt", null);
    }

    static Alert fromDocument(Document d) {
        return new Alert(d.getString("_id"), d.getString("incidentId"), d.getString("causeEventId"),
                d.getString("district"), d.getString("school"), d.getString("petitionId"),
                AlertKind.valueOf(d.getString("kind")), EmergencyLevel.valueOf(d.getString("level")),
                RecipientRole.valueOf(d.getString("recipientRole")), d.getString("department"), d.getString("summary"),
                d.getString("details"), AlertState.valueOf(d.getString("state")), d.getInteger("step", 0),
                RecipientRole.valueOf(d.getString("currentRole")), instant(d, "raisedAt"),
                d.getString("acknowledgedBy"), d.getString("acknowledgedRole"), instant(d, "acknowledgedAt"));
    }
}
