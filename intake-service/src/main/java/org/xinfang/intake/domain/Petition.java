package org.xinfang.intake.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xinfang.contracts.event.Deadlines;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.event.PetitionStatusChanged;
import org.xinfang.contracts.event.PipelineEvent;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.Departments;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.contracts.vocabulary.Subject;

/**
 * A petition (信访事项) as intake keeps it. Immutable: every step returns a {@link PetitionChange} holding the new
 * petition, the history it appends and the events it publishes.
 */
public record Petition(
        String id,
        String number,
        String district,
        String school,
        Channel channel,
        Form form,
        int headcount,
        boolean escalated,
        boolean anonymous,
        List<Petitioner> petitioners,
        Subject subject,
        String title,
        String description,
        String place,
        Instant occurredAt,
        Instant receivedAt,
        Set<RiskSignal> riskSignals,
        PetitionState state,
        DepartmentAssignment routing,
        Handling handling,
        List<HistoryEntry> history) {

    public Petition {
        petitioners = List.copyOf(petitioners);
        riskSignals = Set.copyOf(riskSignals);
        history = List.copyOf(history);
        handling = handling == null ? Handling.NONE : handling;
    }

    /**
     * A new petition in state RECEIVED, its acceptance deadline already running (counted from the day after
     * receipt by the district's {@code clock}); its first history entry and its {@link PetitionReceived} event.
     */
    public static PetitionChange register(String id, String number, School school, Registration r, Actor actor,
                                          Instant now, LegalClock clock) {
        List<FieldError> errors = RegistrationRules.check(r, now);
        if (!errors.isEmpty()) {
            throw new InvalidPetitionException(errors);
        }
        HistoryEntry received = HistoryEntry.by(actor, now, null, PetitionState.RECEIVED, null);
        Deadline acceptBy = clock.count(LegalStep.ACCEPT, now);
        Petition petition = new Petition(id, number, school.district(), school.id(), r.channel(), r.form(), r.headcount(), r.escalated(),
                r.anonymous(), r.petitioners(), r.subject(), r.title(), r.description(), r.place(), r.occurredAt(), now,
                r.riskSignals(), PetitionState.RECEIVED, null, Handling.NONE.due(acceptBy), List.of(received));
        return new PetitionChange(petition, List.of(received),
                List.of(petition.receivedEvent(DeadlineEvents.onReceipt(acceptBy, clock.rules()), school.name())));
    }

    /**
     * The event other services get: the relations of the petitioners to the school, never who they are.
     */
    private PetitionReceived receivedEvent(Deadlines deadlines, String schoolName) {
        return new PetitionReceived(
                EventMeta.forPetition(PetitionReceived.class, district, school, id, receivedAt),
                channel, form, headcount, escalated, anonymous,
                petitioners.stream().map(Petitioner::relation).toList(),
                subject, title, description, place, receivedAt, riskSignals, deadlines, number, schoolName);
    }

    /**
     * Applies routing's decision. A decision already applied (same event id) changes nothing; the first one moves
     * RECEIVED to ROUTED; a revised decision before acceptance updates the routing quietly; once a department has
     * accepted the petition, later decisions are not applied. Routing decides who and how urgent, never by when: the
     * acceptance deadline is the one counted on receipt ({@code clock} counts it only for a petition registered
     * before deadlines were counted on receipt).
     */
    public Optional<PetitionChange> applyRouting(PetitionRouted routed, LegalClock clock, Instant now) {
        String eventId = routed.meta().eventId();
        if (routing != null && eventId.equals(routing.routedEventId())) {
            return Optional.empty();
        }
        if (routed.answersEscalation() && routing != null) {
            return Optional.of(applyEscalatedLevel(routed, now));
        }
        if (state != PetitionState.RECEIVED && state != PetitionState.ROUTED) {
            return Optional.empty();
        }
        DepartmentAssignment decision = new DepartmentAssignment(routed.department(), routed.coDepartments(),
                routed.level(), routed.ruleSetVersion(), eventId);
        Subject decidedSubject = routed.subject() == null ? subject : routed.subject();
        Handling dueToAccept = handling.due() != null ? handling
                : handling.due(clock.count(LegalStep.ACCEPT, receivedAt));
        if (state == PetitionState.ROUTED) {
            // A revised decision is on the record when it changes who handles the petition or how urgent it is.
            boolean changed = !decision.department().equals(routing.department()) || decision.level() != routing.level();
            List<HistoryEntry> revised = changed ? List.of(HistoryEntry.by(Actor.ROUTING, now, state, PetitionState.ROUTED,
                    "改派至" + Departments.chineseName(decision.department()) + "，紧急程度：" + decision.level().chineseName()
                            + "（原为" + Departments.chineseName(routing.department()) + "，"
                            + routing.level().chineseName() + "）")) : List.of();
            return Optional.of(new PetitionChange(with(decidedSubject, PetitionState.ROUTED, decision, dueToAccept, revised),
                    revised, List.of()));
        }
        HistoryEntry entry = HistoryEntry.by(Actor.ROUTING, now, state, PetitionState.ROUTED,
                "转办至" + Departments.chineseName(decision.department()) + "，紧急程度：" + decision.level().chineseName());
        PetitionStatusChanged event = new PetitionStatusChanged(
                EventMeta.derivedFrom(routed.meta(), PetitionStatusChanged.class, PetitionState.ROUTED.name(), now),
                state, PetitionState.ROUTED, entry.actorRole(), entry.actorId(), entry.reason(),
                decision.department(), dueToAccept.dueBy(), DeadlineEvents.basis(dueToAccept.due()));
        Petition after = with(decidedSubject, PetitionState.ROUTED, decision, dueToAccept, List.of(entry));
        return Optional.of(new PetitionChange(after, List.of(entry), List.of(event)));
    }

    /**
     * Routing's decision after an escalation on the spot: whoever handles the petition keeps it, whatever its state
     * (a department that has accepted it goes on), and the level is the one decided on the escalated facts. The
     * history says so when the level changed; no status changes.
     */
    private PetitionChange applyEscalatedLevel(PetitionRouted routed, Instant now) {
        DepartmentAssignment decision = new DepartmentAssignment(routing.department(), routing.coDepartments(),
                routed.level(), routed.ruleSetVersion(), routed.meta().eventId());
        List<HistoryEntry> entry = routed.level() == routing.level() ? List.of()
                : List.of(HistoryEntry.by(Actor.ROUTING, now, state, state, "情况升级后重新研判，紧急程度："
                + routed.level().chineseName() + "（原为" + routing.level().chineseName() + "）"));
        return new PetitionChange(with(subject, state, decision, handling, entry), entry, List.of());
    }

    Petition with(Subject newSubject, PetitionState newState, DepartmentAssignment newRouting, Handling newHandling,
                  List<HistoryEntry> appended) {
        List<HistoryEntry> longer = new ArrayList<>(history);
        longer.addAll(appended);
        return new Petition(id, number, district, school, channel, form, headcount, escalated, anonymous, petitioners,
                newSubject, title, description, place, occurredAt, receivedAt, riskSignals, newState, newRouting,
                newHandling, longer);
    }

    /**
     * The petition after an escalation on the spot ({@link EscalationRules}): the larger facts, the same state and
     * routing (routing decides again from the escalation's event and its decision arrives like any other).
     */
    Petition escalated(Form newForm, int newHeadcount, boolean nowEscalated, Set<RiskSignal> signals,
                       HistoryEntry entry) {
        List<HistoryEntry> longer = new ArrayList<>(history);
        longer.add(entry);
        return new Petition(id, number, district, school, channel, newForm, newHeadcount, nowEscalated, anonymous,
                petitioners, subject, title, description, place, occurredAt, receivedAt, signals, state, routing,
                handling, longer);
    }

    /** Escalates this petition on the spot; see {@link EscalationRules}. */
    public PetitionChange escalate(Escalation escalation, Actor actor, Instant now, String eventId) {
        return EscalationRules.escalate(this, escalation, actor, now, eventId);
    }

    /** True once the deadline currently running has passed. */
    public boolean overdue(Instant now) {
        return handling.dueBy() != null && now.isAfter(handling.dueBy());
    }
}
