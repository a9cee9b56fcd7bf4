package org.xinfang.intake.messaging;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.intake.persistence.LegalTimes;
import org.xinfang.intake.persistence.PetitionStore;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Applies routing's decision to the petition record: the decision, the state change, its history entry and the
 * {@code PetitionStatusChanged} event in one write, together with the routed event's id so that a replay is a no-op.
 */
@Component
class RoutingApplier {

    private static final Logger log = LoggerFactory.getLogger(RoutingApplier.class);

    private final PetitionStore store;
    private final PetitionOutbox outbox;
    private final LegalTimes legalTimes;

    RoutingApplier(PetitionStore store, PetitionOutbox outbox, LegalTimes legalTimes) {
        this.store = store;
        this.outbox = outbox;
        this.legalTimes = legalTimes;
    }

    /** Completes with true if the record changed, false for a replay or a petition this intake does not hold. */
    Mono<Boolean> apply(PetitionRouted routed) {
        String petitionId = routed.meta().petitionId();
        String eventId = routed.meta().eventId();
        if (petitionId == null) {
            return Mono.just(false);
        }
        return Mono.defer(() -> store.find(petitionId))
                .flatMap(before -> {
                    if (before.appliedEvents().contains(eventId)) {
                        return Mono.just(false);
                    }
                    return legalTimes.clockOf(before.petition().district()).flatMap(clock ->
                            before.petition().applyRouting(routed, clock, outbox.now())
                                    .map(change -> outbox.apply(before, change, eventId)
                                            .map(after -> true)
                                            .switchIfEmpty(Mono.error(new ConcurrentChangeException(petitionId))))
                                    .orElseGet(() -> Mono.just(false)));
                })
                .retryWhen(Retry.backoff(5, Duration.ofMillis(20)).filter(ConcurrentChangeException.class::isInstance))
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    log.info("routed event {} names petition {} that this intake does not hold; skipped", eventId, petitionId);
                    return false;
                }));
    }
}
