package org.xinfang.routing.messaging;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.xinfang.routing.persistence.DecisionStore;

/**
 * Recovers what a failed publication left behind: a decision stored but never confirmed as published. Normally the
 * listener retries such a record itself (its offset is not committed), so this loop only matters when the consumer
 * moved on, for example after a rebalance; the grace period keeps it away from publications still in flight.
 */
@Component
class PublishRecovery {

    private static final Logger log = LoggerFactory.getLogger(PublishRecovery.class);

    private final DecisionStore decisions;
    private final RoutedPublisher publisher;
    private final Clock clock;
    private final Duration grace;
    private final int batch;

    PublishRecovery(DecisionStore decisions, RoutedPublisher publisher, Clock clock,
                    @Value("${xinfang.routing.recovery.grace}") Duration grace,
                    @Value("${xinfang.routing.recovery.batch}") int batch) {
        this.decisions = decisions;
        this.publisher = publisher;
        this.clock = clock;
        this.grace = grace;
        this.batch = batch;
    }

    @Scheduled(fixedDelayString = "${xinfang.routing.recovery.interval}", initialDelayString = "${xinfang.routing.recovery.interval}")
    void republishUnconfirmed() {
        Long recovered = decisions.unpublishedBefore(clock.instant().minus(grace), batch)
                .concatMap(routed -> publisher.publish(routed)
                        .then(decisions.markPublished(routed.causeEventId(), clock.instant()))
                        .thenReturn(routed))
                .count()
                .onErrorResume(e -> {
                    log.warn("publication recovery failed, next round retries: {}", e.toString());
                    return reactor.core.publisher.Mono.just(0L);
                })
                .block(Duration.ofMinutes(1));
        if (recovered != null && recovered > 0) {
            log.info("re-published {} routed events whose first publication was not confirmed", recovered);
        }
    }
}
