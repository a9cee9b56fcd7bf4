package org.xinfang.intake.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.event.PetitionStatusChanged;
import org.xinfang.contracts.event.PipelineEvent;
import org.xinfang.contracts.vocabulary.Channel;
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
        RoutingDecision routing,
        Handling handling,
        List<HistoryEntry> history) {

    public Petition {
        petitioners = List.copyOf(petitioners);
        riskSignals = Set.copyOf(riskSignals);
        history = List.copyOf(history);
        handling = handling == null ? Handling.NONE : handling;
    }

    /** A new petition in state RECEIVED; its first history entry and its {@link PetitionReceived} event. */
    public static PetitionChange register(String id, String district, String school, Registration r, Actor actor,
                                          Instant now) {
        List<FieldError> errors = RegistrationRules.check(r, now);
        if (!errors.isEmpty()) {
            throw new InvalidPetitionException(errors);
        }
        HistoryEntry received = HistoryEntry.by(actor, now, null, PetitionState.RECEIVED, null);
        Petition petition = new Petition(id, district, school, r.channel(), r.form(), r.headcount(), r.escalated(),
                r.anonymous(), r.petitioners(), r.subject(), r.title(), r.description(), r.place(), r.occurredAt(), now,
                r.riskSignals(), PetitionState.RECEIVED, null, Handling.NONE, List.of(received));
        return new PetitionChange(petition, List.of(received), List.of(petition.receivedEvent()));
    }

    /**
     * The event other services get: the relations of the petitioners to the school, never who they are.
     */
    public PetitionReceived receivedEvent() {
        return new PetitionReceived(
                EventMeta.forPetition(PetitionReceived.class, district, school, id, receivedAt),
                channel, form, headcount, escalated, anonymous,
                petitioners.stream().map(Petitioner::relation).toList(),
                subject, title, description, place, receivedAt, riskSignals);
    }

    /**
     * Applies routing's decision. A decision already applied (same event id) changes nothing; the first one moves
     * RECEIVED to ROUTED; a revised decision before acceptance updates the routing quietly; once a department has
     * accepted the petition, later decisions are not applied. Acceptance falls due at the earlier of routing's date
     * and the legal limit counted from receipt: routing may shorten a limit, never lengthen it.
     */
    public Optional<PetitionChange> applyRouting(PetitionRouted routed, LegalLimits limits, Instant now) {
        String eventId = routed.meta().eventId();
        if (routing != null && eventId.equals(routing.routedEventId())) {
            return Optional.empty();
        }
        if (state != PetitionState.RECEIVED && state != PetitionState.ROUTED) {
            return Optional.empty();
        }
        RoutingDecision decision = new RoutingDecision(routed.department(), routed.coDepartments(), routed.level(),
                routed.ruleSetVersion(), routed.deadlines().acceptBy(), routed.deadlines().handleWithinDays(),
                routed.deadlines().extensionMaxDays(), eventId);
        Subject decidedSubject = routed.subject() == null ? subject : routed.subject();
        Instant legalAcceptBy = receivedAt.plus(java.time.Duration.ofDays(limits.acceptWithinDays()));
        Handling dueToAccept = handling.due(legalAcceptBy.isBefore(decision.acceptBy()) ? legalAcceptBy : decision.acceptBy());
        if (state == PetitionState.ROUTED) {
            return Optional.of(new PetitionChange(with(decidedSubject, PetitionState.ROUTED, decision, dueToAccept, List.of()),
                    List.of(), List.of()));
        }
        HistoryEntry entry = HistoryEntry.by(Actor.ROUTING, now, state, PetitionState.ROUTED,
                "routed to " + decision.department() + " (" + decision.level() + ")");
        PetitionStatusChanged event = new PetitionStatusChanged(
                EventMeta.derivedFrom(routed.meta(), PetitionStatusChanged.class, PetitionState.ROUTED.name(), now),
                state, PetitionState.ROUTED, entry.actorRole(), entry.actorId(), entry.reason(),
                decision.department(), dueToAccept.dueBy());
        Petition after = with(decidedSubject, PetitionState.ROUTED, decision, dueToAccept, List.of(entry));
        return Optional.of(new PetitionChange(after, List.of(entry), List.of(event)));
    }

    Petition with(Subject newSubject, PetitionState newState, RoutingDecision newRouting, Handling newHandling,
                  List<HistoryEntry> appended) {
        List<HistoryEntry> longer = new ArrayList<>(history);
        longer.addAll(appended);
        return new Petition(id, district, school, channel, form, headcount, escalated, anonymous, petitioners,
                newSubject, title, description, place, occurredAt, receivedAt, riskSignals, newState, newRouting,
                newHandling, longer);
    }

    /** True once the deadline currently running has passed. */
    public boolean overdue(Instant now) {
        return handling.dueBy() != null && now.isAfter(handling.dueBy());
    }
}
