package org.xinfang.intake.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.contracts.vocabulary.Relation;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.intake.domain.Deadline;
import org.xinfang.intake.domain.Handling;
import org.xinfang.intake.domain.HistoryEntry;
import org.xinfang.intake.domain.Petition;
import org.xinfang.intake.domain.Petitioner;
import org.xinfang.intake.domain.DepartmentAssignment;

/**
 * The one document a petition is stored as. Identity is sealed by {@link IdentityCipher}; the relations stay in
 * clear because queries and events need them. The outbox and its bookkeeping live beside the petition's fields.
 */
final class PetitionDocuments {

    static final String OUTBOX = "outbox";
    static final String SENT_EVENTS = "sentEvents";
    static final String OUTBOX_LEASE_UNTIL = "outboxLeaseUntil";
    static final String VERSION = "version";
    static final String APPLIED_EVENTS = "appliedEvents";
    static final String REQUEST_HASH = "requestHash";

    private final IdentityCipher cipher;

    PetitionDocuments(IdentityCipher cipher) {
        this.cipher = cipher;
    }

    /** The petition's own fields, without the outbox bookkeeping; used both to insert and to {@code $set}. */
    Document fields(Petition p) {
        Document d = new Document("district", p.district())
                .append("school", p.school())
                .append("number", p.number())
                .append("channel", p.channel().name())
                .append("form", p.form().name())
                .append("headcount", p.headcount())
                .append("escalated", p.escalated())
                .append("anonymous", p.anonymous())
                .append("relations", p.petitioners().stream().map(x -> x.relation().name()).toList())
                .append("identity", p.petitioners().stream().anyMatch(Petitioner::carriesIdentity)
                        ? cipher.seal(p.id(), p.petitioners()) : null)
                .append("subject", p.subject() == null ? null : p.subject().name())
                .append("title", p.title())
                .append("description", p.description())
                .append("place", p.place())
                .append("occurredAt", date(p.occurredAt()))
                .append("receivedAt", date(p.receivedAt()))
                .append("riskSignals", p.riskSignals().stream().map(Enum::name).sorted().toList())
                .append("state", p.state().name())
                .append("routing", routing(p.routing()))
                .append("handling", handling(p.handling()));
        // Denormalised for the inbox and list queries, which filter on them.
        d.append("department", p.routing() == null ? null : p.routing().department());
        d.append("level", p.routing() == null ? null : p.routing().level().name());
        d.append("dueBy", date(p.handling().dueBy()));
        return d;
    }

    Document history(HistoryEntry h) {
        return new Document("at", date(h.at()))
                .append("actorId", h.actorId())
                .append("actorName", h.actorName())
                .append("actorRole", h.actorRole())
                .append("from", h.from() == null ? null : h.from().name())
                .append("to", h.to().name())
                .append("reason", h.reason());
    }

    Petition petition(Document d) {
        String id = d.getString("_id");
        List<Relation> relations = d.getList("relations", String.class).stream().map(Relation::valueOf).toList();
        Document identity = d.get("identity", Document.class);
        List<Petitioner> petitioners = identity == null
                ? relations.stream().map(r -> new Petitioner(null, null, null, null, r)).toList()
                : cipher.open(id, identity, relations);
        List<HistoryEntry> history = new ArrayList<>();
        for (Document h : d.getList("history", Document.class, List.of())) {
            // Entries written before display names were recorded show the subject as the name.
            String actorName = h.getString("actorName") == null ? h.getString("actorId") : h.getString("actorName");
            history.add(new HistoryEntry(instant(h.getDate("at")), h.getString("actorId"), actorName,
                    h.getString("actorRole"),
                    h.getString("from") == null ? null : PetitionState.valueOf(h.getString("from")),
                    PetitionState.valueOf(h.getString("to")), h.getString("reason")));
        }
        Set<RiskSignal> signals = d.getList("riskSignals", String.class, List.of()).stream()
                .map(RiskSignal::valueOf).collect(Collectors.toSet());
        return new Petition(id, d.getString("number"), d.getString("district"), d.getString("school"),
                Channel.valueOf(d.getString("channel")), Form.valueOf(d.getString("form")),
                d.getInteger("headcount"), d.getBoolean("escalated"), d.getBoolean("anonymous"), petitioners,
                d.getString("subject") == null ? null : Subject.valueOf(d.getString("subject")),
                d.getString("title"), d.getString("description"), d.getString("place"),
                instant(d.getDate("occurredAt")), instant(d.getDate("receivedAt")), signals,
                PetitionState.valueOf(d.getString("state")), routing(d.get("routing", Document.class)),
                handling(d.get("handling", Document.class), PetitionState.valueOf(d.getString("state"))), history);
    }

    List<OutboxEntry> outbox(Document d) {
        return d.getList(OUTBOX, Document.class, List.of()).stream()
                .map(e -> new OutboxEntry(e.getString("eventId"), e.getString("topic"), e.getString("key"),
                        e.getString("payload")))
                .toList();
    }

    Document outboxEntry(String eventId, String topic, String key, String payload, Instant createdAt) {
        return new Document("eventId", eventId).append("topic", topic).append("key", key)
                .append("payload", payload).append("createdAt", date(createdAt));
    }

    StoredPetition stored(Document d) {
        Number version = d.get(VERSION, Number.class);
        return new StoredPetition(petition(d), version == null ? 0 : version.longValue(), outbox(d),
                new java.util.HashSet<>(d.getList(APPLIED_EVENTS, String.class, List.of())), HistorySeal.lastSealOf(d));
    }

    private static Document routing(DepartmentAssignment r) {
        if (r == null) {
            return null;
        }
        return new Document("department", r.department())
                .append("coDepartments", r.coDepartments())
                .append("level", r.level().name())
                .append("ruleSetVersion", r.ruleSetVersion())
                .append("routedEventId", r.routedEventId());
    }

    private static DepartmentAssignment routing(Document r) {
        if (r == null) {
            return null;
        }
        return new DepartmentAssignment(r.getString("department"), r.getList("coDepartments", String.class, List.of()),
                EmergencyLevel.valueOf(r.getString("level")), r.getString("ruleSetVersion"),
                r.getString("routedEventId"));
    }

    private static Document handling(Handling h) {
        return new Document("acceptedAt", date(h.acceptedAt()))
                .append("refusalReason", h.refusalReason())
                .append("startedAt", date(h.startedAt()))
                .append("extendedDays", h.extendedDays())
                .append("extensionReason", h.extensionReason())
                .append("extensionApprovedBy", h.extensionApprovedBy())
                .append("resolvedAt", date(h.resolvedAt()))
                .append("reply", h.reply())
                .append("closedAt", date(h.closedAt()))
                .append("reviewRequestedAt", date(h.reviewRequestedAt()))
                .append("reviewAnsweredAt", date(h.reviewAnsweredAt()))
                .append("reviewReply", h.reviewReply())
                .append("reReviewRequestedAt", date(h.reReviewRequestedAt()))
                .append("reReviewAnsweredAt", date(h.reReviewAnsweredAt()))
                .append("reReviewReply", h.reReviewReply())
                .append("dueBy", date(h.dueBy()))
                .append("due", DeadlineDocuments.deadline(h.due()))
                .append("window", DeadlineDocuments.deadline(h.window()));
    }

    private static Handling handling(Document h, PetitionState state) {
        if (h == null) {
            return Handling.NONE;
        }
        Deadline due = h.get("due", Document.class) != null ? DeadlineDocuments.deadline(h.get("due", Document.class))
                : DeadlineDocuments.countedBeforeCalendars(state, instant(h.getDate("dueBy")));
        return new Handling(instant(h.getDate("acceptedAt")), h.getString("refusalReason"),
                instant(h.getDate("startedAt")), h.getInteger("extendedDays"), h.getString("extensionReason"),
                h.getString("extensionApprovedBy"), instant(h.getDate("resolvedAt")), h.getString("reply"),
                instant(h.getDate("closedAt")), instant(h.getDate("reviewRequestedAt")),
                instant(h.getDate("reviewAnsweredAt")), h.getString("reviewReply"),
                instant(h.getDate("reReviewRequestedAt")), instant(h.getDate("reReviewAnsweredAt")),
                h.getString("reReviewReply"), due, DeadlineDocuments.deadline(h.get("window", Document.class)));
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
