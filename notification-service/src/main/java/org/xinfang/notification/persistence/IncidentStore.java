package org.xinfang.notification.persistence;

import static org.xinfang.notification.persistence.Documents.date;
import static org.xinfang.notification.persistence.Documents.instant;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.notification.domain.ActivationDecision;
import org.xinfang.notification.domain.Incident;
import org.xinfang.notification.domain.TimelineAction;
import org.xinfang.notification.domain.TimelineEntry;
import reactor.core.publisher.Mono;

/** The incidents, one document per petition, created once whatever number of times its routed event arrives. */
@Repository
public class IncidentStore {

    private final MongoCollection<Document> incidents;

    IncidentStore(MongoDatabase database) {
        this.incidents = database.getCollection("incidents");
    }

    /** Opens the incident unless it is open already; true if this call created it. */
    public Mono<Boolean> open(Incident incident) {
        Document fields = toDocument(incident);
        fields.remove("_id");
        return Mono.from(incidents.updateOne(Filters.eq("_id", incident.incidentId()),
                        new Document("$setOnInsert", fields), new UpdateOptions().upsert(true)))
                .map(result -> result.getUpsertedId() != null);
    }

    /**
     * Opens every incident not open yet, in one unordered insert (an incident already open is a duplicate key and
     * stays as it is); returns how many this call created. An insert, not an upsert: the local store then looks the
     * id up once instead of twice.
     */
    public Mono<Integer> openAll(List<Incident> batch) {
        if (batch.isEmpty()) {
            return Mono.just(0);
        }
        return Mono.from(incidents.insertMany(batch.stream().map(IncidentStore::toDocument).toList(),
                        new InsertManyOptions().ordered(false)))
                .map(result -> result.getInsertedIds().size())
                .onErrorResume(Documents::onlyDuplicates, e -> Mono.just(Documents.insertedDespite(e, batch.size())));
    }

    /**
     * An escalation on the spot raises the incident to its new level, never lowers it; from the level that acts
     * before approval on, the incident says so. True if the incident changed.
     */
    public Mono<Boolean> raise(Incident escalated) {
        List<String> lower = java.util.Arrays.stream(org.xinfang.contracts.vocabulary.EmergencyLevel.values())
                .filter(l -> !l.atLeast(escalated.level())).map(Enum::name).toList();
        var update = escalated.actedBeforeApproval()
                ? Updates.combine(Updates.set("level", escalated.level().name()), Updates.set("actedBeforeApproval", true))
                : Updates.set("level", escalated.level().name());
        return Mono.from(incidents.updateOne(Filters.and(Filters.eq("_id", escalated.incidentId()),
                        Filters.in("level", lower)), update))
                .map(r -> r.getModifiedCount() > 0);
    }

    public Mono<Incident> byId(String incidentId) {
        return Mono.from(incidents.find(Filters.eq("_id", incidentId)).first()).map(IncidentStore::fromDocument);
    }

    /** Records the leader's decision once: only a requested activation can be decided; empty if already decided. */
    public Mono<Incident> decide(String incidentId, ActivationDecision decision, TimelineEntry entry) {
        Incident.Activation outcome = decision.approved() ? Incident.Activation.APPROVED : Incident.Activation.DECLINED;
        return Mono.from(incidents.findOneAndUpdate(
                        Filters.and(Filters.eq("_id", incidentId), Filters.eq("activation", Incident.Activation.REQUESTED.name())),
                        Updates.combine(Updates.set("activation", outcome.name()),
                                Updates.set("decision", decisionDocument(decision)),
                                Updates.push("timeline", entryDocument(entry))),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(IncidentStore::fromDocument);
    }

    /** Appends a timeline entry unless an entry with its id is there already (a retried request). */
    public Mono<Boolean> record(String incidentId, TimelineEntry entry) {
        return Mono.from(incidents.updateOne(
                        Filters.and(Filters.eq("_id", incidentId), Filters.ne("timeline.entryId", entry.entryId())),
                        Updates.push("timeline", entryDocument(entry))))
                .map(r -> r.getModifiedCount() > 0);
    }

    static Document decisionDocument(ActivationDecision d) {
        return new Document("approved", d.approved()).append("by", d.by()).append("role", d.role())
                .append("at", date(d.at())).append("reason", d.reason());
    }

    static Document entryDocument(TimelineEntry e) {
        return new Document("entryId", e.entryId()).append("action", e.action().name()).append("by", e.by())
                .append("name", e.name()).append("role", e.role()).append("at", date(e.at())).append("note", e.note());
    }

    static Document toDocument(Incident i) {
        return new Document("_id", i.incidentId())
                .append("district", i.district())
                .append("school", i.school())
                .append("petitionId", i.petitionId())
                .append("caption", i.caption())
                .append("level", i.level().name())
                .append("department", i.department())
                .append("coDepartments", i.coDepartments())
                .append("activation", i.activation().name())
                .append("actedBeforeApproval", i.actedBeforeApproval())
                .append("openedAt", date(i.openedAt()))
                .append("causeEventId", i.causeEventId())
                .append("timeline", List.of());
    }

    static Incident fromDocument(Document d) {
        return new Incident(d.getString("_id"), d.getString("district"), d.getString("school"), d.getString("petitionId"),
                d.getString("caption") == null ? "信访事项（无编号）" : d.getString("caption"),
                EmergencyLevel.valueOf(d.getString("level")), d.getString("department"),
                d.getList("coDepartments", String.class, List.of()),
                Incident.Activation.valueOf(d.getString("activation")), d.getBoolean("actedBeforeApproval", false),
                instant(d, "openedAt"), d.getString("causeEventId"), decisionOf(d.get("decision", Document.class)),
                d.getList("timeline", Document.class, List.of()).stream().map(IncidentStore::entryOf).toList());
    }

    private static ActivationDecision decisionOf(Document d) {
        return d == null ? null : new ActivationDecision(d.getBoolean("approved", false), d.getString("by"),
                d.getString("role"), instant(d, "at"), d.getString("reason"));
    }

    private static TimelineEntry entryOf(Document e) {
        return new TimelineEntry(e.getString("entryId"), TimelineAction.valueOf(e.getString("action")), e.getString("by"),
                e.getString("name"), e.getString("role"), instant(e, "at"), e.getString("note"));
    }
}
