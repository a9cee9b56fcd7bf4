package org.xinfang.routing.messaging;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.routing.domain.PetitionFacts;
import org.xinfang.routing.domain.PetitionRouter;
import org.xinfang.routing.domain.RoutingDecision;
import org.xinfang.routing.persistence.DecisionStore;
import org.xinfang.routing.persistence.RuleSetStore;
import reactor.core.publisher.Mono;

/**
 * The consume-decide-store-publish step for one received petition. The decision is stored under the received event's
 * id before it is published, so a redelivery finds it and re-publishes that same decision (same routed event id)
 * instead of deciding again; consumers deduplicate on the event id.
 */
@Component
class PetitionRouting {

    private static final Logger log = LoggerFactory.getLogger(PetitionRouting.class);
    /** Distinguishes the routed event derived from a received event from any other event derived from it. */
    static final String DERIVATION = "routed";

    private final PetitionRouter router;
    private final RuleSetStore ruleSets;
    private final DecisionStore decisions;
    private final RoutedPublisher publisher;
    private final Clock clock;
    private final StepTimers timers;

    PetitionRouting(PetitionRouter router, RuleSetStore ruleSets, DecisionStore decisions, RoutedPublisher publisher,
                    Clock clock, StepTimers timers) {
        this.router = router;
        this.ruleSets = ruleSets;
        this.decisions = decisions;
        this.publisher = publisher;
        this.clock = clock;
        this.timers = timers;
    }

    Mono<PetitionRouted> route(PetitionReceived received) {
        EventMeta meta = received.meta();
        // Decide, then let the store keep the first decision for this received event: a redelivery gets the stored
        // one back (deciding again costs microseconds; a read before every write would cost a round trip).
        return timers.timed("decide", decide(received))
                .flatMap(candidate -> timers.timed("store", decisions.decideOnce(candidate))
                        .doOnNext(standing -> {
                            if (standing != candidate) {
                                log.info("petition {} already routed by event {}: publishing the stored decision again",
                                        meta.petitionId(), standing.meta().eventId());
                            }
                        }))
                .flatMap(standing -> timers.timed("publish", publisher.publish(standing)).thenReturn(standing))
                .doOnNext(this::markPublished)
                .doOnNext(routed -> log.info("petition {} routed to {} at level {} (subject {}, rule set {})",
                        meta.petitionId(), routed.department(), routed.level(), routed.subject(), routed.ruleSetVersion()));
    }

    /**
     * Records the confirmed publication without holding up the offset commit: should the mark be lost, the recovery
     * loop publishes the decision once more under the same event id, which consumers deduplicate.
     */
    private void markPublished(PetitionRouted routed) {
        timers.timed("mark-published", decisions.markPublished(routed.receivedEventId(), clock.instant()))
                .subscribe(done -> { }, e -> log.warn("publication of {} not marked, recovery will re-publish it: {}",
                        routed.meta().eventId(), e.toString()));
    }

    private Mono<PetitionRouted> decide(PetitionReceived received) {
        EventMeta meta = received.meta();
        return ruleSets.effectiveFor(meta.district(), meta.school()).map(rules -> {
            RoutingDecision decision = router.route(facts(received), rules);
            return new PetitionRouted(EventMeta.derivedFrom(meta, PetitionRouted.class, DERIVATION, clock.instant()),
                    meta.eventId(), decision.subject(), decision.department(), decision.coDepartments(), decision.level(),
                    decision.reasons(), decision.ruleSetVersion(), decision.deadlines());
        });
    }

    static PetitionFacts facts(PetitionReceived received) {
        return new PetitionFacts(received.form(), received.headcount(), received.escalated(), received.subject(),
                received.title(), received.description(), received.riskSignals(), received.receivedAt());
    }
}
