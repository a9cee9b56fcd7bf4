package org.xinfang.routing.messaging;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionEscalated;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.event.Situation;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.routing.domain.EscalationRedecision;
import org.xinfang.routing.persistence.DecisionStore;
import reactor.core.publisher.Mono;

/**
 * Decides again after an escalation: the decision that stands, the escalated facts, the same level rules, a new
 * {@link PetitionRouted} that names the escalation. Stored under the escalation's id before it is published, so a
 * redelivered escalation publishes the stored decision again (same event id) instead of deciding twice.
 */
@Component
class EscalationRouting {

    private static final Logger log = LoggerFactory.getLogger(EscalationRouting.class);

    private final EscalationRedecision redecision;
    private final DecisionStore decisions;
    private final RoutedPublisher publisher;
    private final Clock clock;

    EscalationRouting(EscalationRedecision redecision, DecisionStore decisions, RoutedPublisher publisher,
                      Clock clock) {
        this.redecision = redecision;
        this.decisions = decisions;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Completes with the decision that stands for the escalation, published. */
    Mono<PetitionRouted> route(PetitionEscalated escalated) {
        String petitionId = escalated.meta().petitionId();
        return decisions.byReceivedEvent(escalated.meta().eventId())
                .switchIfEmpty(Mono.defer(() -> decisions.latestForPetition(petitionId)
                        // The receipt is published before the escalation, but on another topic: until routing has
                        // decided on it there is nothing to raise, and the record is retried.
                        .switchIfEmpty(Mono.error(() -> new IllegalStateException("petition " + petitionId
                                + " escalated before routing decided on its receipt; retried")))
                        .map(standing -> decide(standing, escalated))
                        .flatMap(decisions::decideOnce)))
                .flatMap(standing -> publisher.publish(standing)
                        .then(decisions.markPublished(standing.causeEventId(), clock.instant()))
                        .thenReturn(standing))
                .doOnNext(routed -> log.info("petition {} escalated by event {}: level {}", petitionId,
                        escalated.meta().eventId(), routed.level()));
    }

    private PetitionRouted decide(PetitionRouted standing, PetitionEscalated escalated) {
        Situation before = standing.situation();
        Form form = before == null ? Form.GROUP : before.form();
        EscalationRedecision.Outcome outcome = redecision.decide(standing.level(),
                before == null ? java.util.Set.of() : before.riskSignals(), form, escalated.headcount(),
                escalated.headcountBefore(), escalated.escalated(), escalated.riskSignals(), escalated.added());
        Situation after = before == null ? null : new Situation(before.number(), before.schoolName(),
                before.channel(), outcome.headcount() > 1 ? Form.GROUP : before.form(), outcome.headcount(),
                before.place(), outcome.riskSignals());
        return new PetitionRouted(
                EventMeta.derivedFrom(escalated.meta(), PetitionRouted.class, PetitionRouting.DERIVATION, clock.instant()),
                standing.receivedEventId(), standing.subject(), standing.department(), standing.coDepartments(),
                outcome.level(), outcome.reasons(), standing.ruleSetVersion(), standing.deadlines(), after,
                escalated.meta().eventId());
    }
}
