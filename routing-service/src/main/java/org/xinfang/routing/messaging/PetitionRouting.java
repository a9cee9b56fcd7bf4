package org.xinfang.routing.messaging;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.event.Situation;
import org.xinfang.routing.domain.PetitionToRoute;
import org.xinfang.routing.domain.PetitionRouter;
import org.xinfang.routing.domain.RoutingDecision;
import org.xinfang.routing.persistence.DecisionStore;
import org.xinfang.routing.persistence.RuleSetStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The consume-decide-store-publish step for received petitions. Each decision is stored under its received event's
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

    /**
     * Routes the received events of one poll: one decision per received event, stored in one write and published
     * together, so a busy consumer pays the store's and the broker's round trips once per batch, not per petition.
     */
    Mono<List<PetitionRouted>> routeAll(List<PetitionReceived> batch) {
        // Decide, then let the store keep the first decision for each received event: a redelivery gets the stored
        // one back (deciding again costs microseconds; a read before every write would cost a round trip).
        return timers.timed("decide", Flux.fromIterable(batch).concatMap(this::decide).collectList())
                .flatMap(candidates -> timers.timed("store", decisions.decideAllOnce(candidates))
                        .doOnNext(standing -> {
                            for (int i = 0; i < standing.size(); i++) {
                                if (standing.get(i) != candidates.get(i)) {
                                    log.info("petition {} already routed by event {}: publishing the stored decision again",
                                            standing.get(i).meta().petitionId(), standing.get(i).meta().eventId());
                                }
                            }
                        }))
                .flatMap(standing -> timers.timed("publish", publisher.publishAll(standing)).thenReturn(standing))
                .doOnNext(standing -> {
                    markPublished(standing);
                    standing.forEach(routed -> log.info("petition {} routed to {} at level {} (subject {}, rule set {})",
                            routed.meta().petitionId(), routed.department(), routed.level(), routed.subject(),
                            routed.ruleSetVersion()));
                });
    }

    /**
     * Records the confirmed publication without holding up the offset commit: should the mark be lost, the recovery
     * loop publishes the decision once more under the same event id, which consumers deduplicate.
     */
    private void markPublished(List<PetitionRouted> routed) {
        List<String> ids = routed.stream().map(PetitionRouted::causeEventId).toList();
        timers.timed("mark-published", decisions.markPublished(ids, clock.instant()))
                .subscribe(done -> { }, e -> log.warn("publication of {} routed events not marked, recovery will re-publish them: {}",
                        ids.size(), e.toString()));
    }

    private Mono<PetitionRouted> decide(PetitionReceived received) {
        EventMeta meta = received.meta();
        return ruleSets.effectiveFor(meta.district(), meta.school()).map(rules -> {
            RoutingDecision decision = router.route(facts(received), rules);
            return new PetitionRouted(EventMeta.derivedFrom(meta, PetitionRouted.class, DERIVATION, clock.instant()),
                    meta.eventId(), decision.subject(), decision.department(), decision.coDepartments(), decision.level(),
                    decision.reasons(), decision.ruleSetVersion(), received.deadlines(),
                    Situation.of(received, decision.riskSignals()));
        });
    }

    static PetitionToRoute facts(PetitionReceived received) {
        return new PetitionToRoute(received.form(), received.headcount(), received.escalated(), received.subject(),
                received.title(), received.description(), received.riskSignals(), received.receivedAt());
    }
}
