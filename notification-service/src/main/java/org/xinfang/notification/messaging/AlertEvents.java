package org.xinfang.notification.messaging;

import java.time.Instant;
import org.xinfang.contracts.event.AlertAcknowledged;
import org.xinfang.contracts.event.AlertEscalated;
import org.xinfang.contracts.event.AlertRaised;
import org.xinfang.contracts.event.EmergencyActivationRequested;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.notification.domain.Alert;
import org.xinfang.notification.domain.EscalationChain;
import org.xinfang.notification.domain.Incident;

/**
 * The events this service publishes about alerts. Their ids are derived from the routed event that caused them, so
 * publishing again after a redelivery or a recovery gives the same event id and consumers drop the repeat.
 */
final class AlertEvents {

    private AlertEvents() {
    }

    /** The routed event's envelope as far as derived ids need it, rebuilt from what an alert stores. */
    static EventMeta causeOf(Alert alert) {
        return new EventMeta(alert.causeEventId(), PetitionRouted.class.getSimpleName(), EventMeta.CURRENT_SCHEMA_VERSION,
                alert.raisedAt(), alert.district(), alert.school(), alert.petitionId());
    }

    static AlertRaised raised(Alert alert) {
        EventMeta meta = EventMeta.derivedFrom(causeOf(alert), AlertRaised.class, alert.alertId(), alert.raisedAt());
        return new AlertRaised(meta, alert.alertId(), alert.kind(), alert.level(), alert.recipientRole().name(),
                alert.department(), alert.summary());
    }

    /** One acknowledgement per alert, so the id derives from the alert alone. */
    static AlertAcknowledged acknowledged(Alert alert) {
        EventMeta meta = EventMeta.derivedFrom(causeOf(alert), AlertAcknowledged.class, alert.alertId(),
                alert.acknowledgedAt());
        return new AlertAcknowledged(meta, alert.alertId(), alert.acknowledgedBy(), alert.acknowledgedRole());
    }

    /** One escalation per (alert, step): a step re-run after a crash publishes the same event id. */
    static AlertEscalated escalated(Alert alert, EscalationChain.Escalation step, Instant at) {
        EventMeta meta = EventMeta.derivedFrom(causeOf(alert), AlertEscalated.class,
                alert.alertId() + "#" + step.toStep(), at);
        return new AlertEscalated(meta, alert.alertId(), step.fromStep(), step.toStep(), step.toRole().name(),
                "no acknowledgement within " + step.waitFor());
    }

    static EmergencyActivationRequested activationRequested(Alert request, Incident incident, Instant at) {
        EventMeta meta = EventMeta.derivedFrom(causeOf(request), EmergencyActivationRequested.class,
                incident.incidentId(), at);
        return new EmergencyActivationRequested(meta, incident.incidentId(), incident.level(), request.summary(),
                incident.actedBeforeApproval());
    }
}
