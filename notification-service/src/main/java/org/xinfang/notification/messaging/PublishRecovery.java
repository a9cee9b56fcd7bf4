package org.xinfang.notification.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.notification.domain.Alert;
import org.xinfang.notification.persistence.AlertStore;
import org.xinfang.notification.persistence.IncidentStore;

/**
 * Recovers what a crash between the store write and the publish left behind: alerts stored but never marked as
 * published are published again. Their event ids are derived, so a repeat is dropped downstream. This is a slow
 * sweep, never on the path of a new alert. Alerts of routed petitions are not its business: their routed event comes
 * again until the poll's offset is committed, which happens only after the broker has their events.
 */
@Component
class PublishRecovery {

    private static final Logger log = LoggerFactory.getLogger(PublishRecovery.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final AlertStore alerts;
    private final IncidentStore incidents;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Duration grace;

    PublishRecovery(AlertStore alerts, IncidentStore incidents, EventPublisher publisher, Clock clock,
                    @Value("${xinfang.notification.recovery-grace:PT10S}") Duration grace) {
        this.alerts = alerts;
        this.incidents = incidents;
        this.publisher = publisher;
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(initialDelayString = "${xinfang.notification.recovery-interval-ms:30000}",
            fixedDelayString = "${xinfang.notification.recovery-interval-ms:30000}")
    void recover() {
        republishRaised();
        republishAcknowledged();
    }

    private void republishAcknowledged() {
        try {
            List<Alert> stale = alerts.ackUnpublishedBefore(clock.instant().minus(grace), 500).collectList().block(TIMEOUT);
            if (stale == null || stale.isEmpty()) {
                return;
            }
            publisher.publishAll(stale.stream()
                    .<EventPublisher.Outgoing<?>>map(a -> EventPublisher.on(Topics.ALERT_ACKNOWLEDGED, AlertEvents.acknowledged(a)))
                    .toList());
            for (Alert alert : stale) {
                alerts.markAckPublished(alert.alertId(), clock.instant()).block(TIMEOUT);
            }
            log.warn("recovered {} acknowledgement events left unpublished", stale.size());
        } catch (RuntimeException e) {
            log.warn("acknowledgement recovery failed, will retry: {}", e.getMessage());
        }
    }

    private void republishRaised() {
        try {
            List<Alert> stale = alerts.unpublishedRaisedBefore(clock.instant().minus(grace), 500)
                    .collectList().block(TIMEOUT);
            if (stale == null || stale.isEmpty()) {
                return;
            }
            List<EventPublisher.Outgoing<?>> events = new ArrayList<>();
            for (Alert alert : stale) {
                events.add(EventPublisher.on(Topics.ALERT_RAISED, AlertEvents.raised(alert)));
                if (alert.kind() == AlertKind.ACTIVATION_REQUEST) {
                    incidents.byId(alert.incidentId()).blockOptional(TIMEOUT).ifPresent(incident -> events.add(
                            EventPublisher.on(Topics.EMERGENCY_ACTIVATION_REQUESTED,
                                    AlertEvents.activationRequested(alert, incident, alert.raisedAt()))));
                }
            }
            publisher.publishAll(events);
            alerts.markPublished(stale.stream().map(Alert::alertId).toList(), clock.instant()).block(TIMEOUT);
            log.warn("recovered {} alert events left unpublished", stale.size());
        } catch (RuntimeException e) {
            log.warn("publish recovery failed, will retry: {}", e.getMessage());
        }
    }
}
