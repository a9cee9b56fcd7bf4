package org.xinfang.notification.persistence;

import static org.xinfang.notification.persistence.Documents.date;
import static org.xinfang.notification.persistence.Documents.instant;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.notification.domain.Incident;
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

    public Mono<Incident> byId(String incidentId) {
        return Mono.from(incidents.find(Filters.eq("_id", incidentId)).first()).map(IncidentStore::fromDocument);
    }

    /** Records that the activation request for this routed event reached the broker. */
    public Mono<Void> markRequestPublished(String incidentId, Instant at) {
        return Mono.from(incidents.updateOne(Filters.eq("_id", incidentId), Updates.set("requestPublishedAt", date(at))))
                .then();
    }

    static Document toDocument(Incident i) {
        return new Document("_id", i.incidentId())
                .append("district", i.district())
                .append("school", i.school())
                .append("petitionId", i.petitionId())
                .append("level", i.level().name())
                .append("department", i.department())
                .append("coDepartments", i.coDepartments())
                .append("activation", i.activation().name())
                .append("actedBeforeApproval", i.actedBeforeApproval())
                .append("openedAt", date(i.openedAt()))
                .append("causeEventId", i.causeEventId());
    }

    static Incident fromDocument(Document d) {
        return new Incident(d.getString("_id"), d.getString("district"), d.getString("school"), d.getString("petitionId"),
                EmergencyLevel.valueOf(d.getString("level")), d.getString("department"),
                d.getList("coDepartments", String.class, List.of()),
                Incident.Activation.valueOf(d.getString("activation")), d.getBoolean("actedBeforeApproval", false),
                instant(d, "openedAt"), d.getString("causeEventId"));
    }
}
