package org.xinfang.reporting.persistence;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.contracts.event.AlertRaised;
import org.xinfang.contracts.event.EmergencyActivationDecided;
import org.xinfang.contracts.event.EmergencyActivationRequested;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.event.PetitionStatusChanged;
import org.xinfang.contracts.event.PipelineEvent;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.reporting.domain.PetitionFacts;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One document per petition holding its facts. Every event becomes a single upsert that sets the fact under the key
 * of the event (or alert, incident) that stated it: setting a fact twice is the same as setting it once, so
 * redelivery and replay need no separate "seen" list, and the fact and its dedup key are one write.
 *
 * <p>Only what the figures need is kept: enums, counts, flags and instants. Titles, descriptions, places and
 * relations are dropped on the way in; no identity is ever stored.
 */
public final class FactStore {

    private static final Logger log = LoggerFactory.getLogger(FactStore.class);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    /** A receipt without a school (a district-level intake) is still counted, under this name. */
    static final String UNKNOWN_SCHOOL = "unknown";

    private final MongoCollection<Document> facts;

    FactStore(MongoCollection<Document> facts) {
        this.facts = facts;
    }

    /** Stores the facts of a batch; events that are not about one petition are skipped. */
    public Mono<Void> record(List<PipelineEvent> events) {
        // One write per petition per batch: the facts of its events are merged (their keys differ, or repeat the same value).
        Map<String, Document> sets = new java.util.LinkedHashMap<>();
        for (PipelineEvent event : events) {
            String petitionId = event.meta().petitionId();
            Document set = factOf(event);
            if (petitionId == null || set == null) {
                log.warn("skipping {} {}: not about one petition", event.meta().type(), event.meta().eventId());
                continue;
            }
            sets.computeIfAbsent(petitionId, id -> new Document()).putAll(set);
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        sets.forEach((petitionId, set) ->
                writes.add(new UpdateOneModel<>(Filters.eq("_id", petitionId), new Document("$set", set), UPSERT)));
        if (writes.isEmpty()) {
            return Mono.empty();
        }
        return Mono.from(facts.bulkWrite(writes, new BulkWriteOptions().ordered(false))).then();
    }

    public Flux<PetitionFacts> load(Collection<String> petitionIds) {
        if (petitionIds.isEmpty()) {
            return Flux.empty();
        }
        return Flux.from(facts.find(Filters.in("_id", petitionIds))).map(FactStore::decode);
    }

    private static Document factOf(PipelineEvent event) {
        String key = StoreKeys.encode(event.meta().eventId());
        Date at = Date.from(event.meta().occurredAt());
        if (event instanceof PetitionReceived r) {
            String school = r.meta().school() == null ? UNKNOWN_SCHOOL : r.meta().school();
            return new Document("district", r.meta().district())
                    .append("school", school)
                    .append("received", new Document("at", Date.from(r.receivedAt()))
                            .append("channel", r.channel().name())
                            .append("form", r.form().name())
                            .append("headcount", r.headcount())
                            .append("escalated", r.escalated())
                            .append("subject", r.subject() == null ? null : r.subject().name())
                            .append("acceptBy", r.deadlines() == null ? null : Date.from(r.deadlines().acceptBy()))
                            .append("number", r.number()));
        }
        if (event instanceof PetitionRouted r) {
            return new Document("routings." + key, new Document("at", at)
                    .append("subject", r.subject().name())
                    .append("department", r.department())
                    .append("level", r.level().name())
                    .append("acceptBy", r.deadlines() == null ? null : Date.from(r.deadlines().acceptBy())));
        }
        if (event instanceof PetitionStatusChanged s) {
            return new Document("steps." + key, new Document("at", at)
                    .append("to", s.to().name())
                    .append("dueBy", s.dueBy() == null ? null : Date.from(s.dueBy())));
        }
        if (event instanceof EmergencyActivationRequested e) {
            return new Document("emergencies." + StoreKeys.encode(e.incidentId()) + ".requested", true);
        }
        if (event instanceof EmergencyActivationDecided e) {
            return new Document("emergencies." + StoreKeys.encode(e.incidentId()) + ".decisions." + key,
                    new Document("at", at).append("approved", e.approved()));
        }
        if (event instanceof AlertRaised a) {
            return new Document("alerts." + StoreKeys.encode(a.alertId()), a.kind().name());
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    static PetitionFacts decode(Document doc) {
        Document r = doc.get("received", Document.class);
        PetitionFacts.Received received = r == null ? null
                : new PetitionFacts.Received(doc.getString("district"), doc.getString("school"),
                        instant(r, "at"), Channel.valueOf(r.getString("channel")), Form.valueOf(r.getString("form")),
                        r.getInteger("headcount"), r.getBoolean("escalated"),
                        r.getString("subject") == null ? null : Subject.valueOf(r.getString("subject")),
                        instant(r, "acceptBy"), r.getString("number"));
        List<PetitionFacts.Routing> routings = entries(doc, "routings").values().stream()
                .map(d -> new PetitionFacts.Routing(instant(d, "at"), Subject.valueOf(d.getString("subject")),
                        d.getString("department"), EmergencyLevel.valueOf(d.getString("level")), instant(d, "acceptBy")))
                .toList();
        List<PetitionFacts.Step> steps = entries(doc, "steps").values().stream()
                .map(d -> new PetitionFacts.Step(instant(d, "at"), PetitionState.valueOf(d.getString("to")), instant(d, "dueBy")))
                .toList();
        List<PetitionFacts.Emergency> emergencies = entries(doc, "emergencies").entrySet().stream()
                .map(e -> new PetitionFacts.Emergency(StoreKeys.decode(e.getKey()),
                        Boolean.TRUE.equals(e.getValue().getBoolean("requested")), latestDecision(e.getValue())))
                .toList();
        Document alertDoc = doc.get("alerts", Document.class);
        List<PetitionFacts.Alert> alerts = alertDoc == null ? List.of() : alertDoc.entrySet().stream()
                .map(e -> new PetitionFacts.Alert(StoreKeys.decode(e.getKey()), AlertKind.valueOf((String) e.getValue())))
                .toList();
        return new PetitionFacts(doc.getString("_id"), received, routings, steps, emergencies, alerts);
    }

    /** Several decisions on one incident (a reversal): the latest stands. */
    private static Boolean latestDecision(Document emergency) {
        Optional<Document> latest = entries(emergency, "decisions").values().stream()
                .max(Comparator.comparing((Document d) -> instant(d, "at")).thenComparing(d -> d.getBoolean("approved")));
        return latest.map(d -> d.getBoolean("approved")).orElse(null);
    }

    private static Map<String, Document> entries(Document parent, String field) {
        Document map = parent.get(field, Document.class);
        if (map == null) {
            return Map.of();
        }
        java.util.LinkedHashMap<String, Document> entries = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> entries.put(k, (Document) v));
        return entries;
    }

    private static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
