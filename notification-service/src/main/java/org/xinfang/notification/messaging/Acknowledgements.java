package org.xinfang.notification.messaging;

import java.time.Clock;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.notification.domain.Actor;
import org.xinfang.notification.domain.Alert;
import org.xinfang.notification.persistence.AlertStore;
import reactor.core.publisher.Mono;

/**
 * A person takes responsibility for an alert: one atomic write from OPEN to ACKNOWLEDGED (so of two people racing,
 * one wins), the chain's timers cancelled, and {@code AlertAcknowledged} published at once.
 */
@Component
public class Acknowledgements {

    private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);

    /** What became of an acknowledgement. */
    public sealed interface Outcome {
        record Acknowledged(Alert alert) implements Outcome { }
        record AlreadyAcknowledged(Alert alert) implements Outcome { }
        record NotFound() implements Outcome { }
    }

    private final AlertStore alerts;
    private final Escalator escalator;
    private final EventPublisher publisher;
    private final Clock clock;

    Acknowledgements(AlertStore alerts, Escalator escalator, EventPublisher publisher, Clock clock) {
        this.alerts = alerts;
        this.escalator = escalator;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Acknowledges the alert if {@code visible} to the caller; an alert it may not see is {@code NotFound}. */
    public Mono<Outcome> acknowledge(String alertId, Predicate<Alert> visible, Actor by) {
        return alerts.byId(alertId)
                .filter(visible)
                .flatMap(found -> alerts.acknowledge(alertId, by.subject(), by.role(), clock.instant())
                        .flatMap(acked -> escalator.stop(alertId)
                                .then(publisher.send(EventPublisher.on(Topics.ALERT_ACKNOWLEDGED,
                                                AlertEvents.acknowledged(acked)))
                                        .then(alerts.markAckPublished(alertId, clock.instant()))
                                        // The acknowledgement is stored: with the broker away its event is left
                                        // unmarked and PublishRecovery sends it, so the person is not told it failed.
                                        .onErrorResume(e -> {
                                            log.warn("acknowledgement of alert {} stored, its event left to the recovery: {}",
                                                    alertId, e.toString());
                                            return Mono.empty();
                                        }))
                                .thenReturn((Outcome) new Outcome.Acknowledged(acked)))
                        .switchIfEmpty(alerts.byId(alertId).map(Outcome.AlreadyAcknowledged::new)))
                .defaultIfEmpty(new Outcome.NotFound());
    }
}
