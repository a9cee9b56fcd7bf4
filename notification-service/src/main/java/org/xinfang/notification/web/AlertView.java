package org.xinfang.notification.web;

import java.time.Instant;
import org.xinfang.notification.domain.Alert;

/** An alert as the API shows it. */
record AlertView(String alertId, String incidentId, String petitionId, String kind, String level, String recipientRole,
                 String department, String summary, String state, int step, String currentRole, Instant raisedAt, String acknowledgedBy,
                 String acknowledgedRole, Instant acknowledgedAt) {

    static AlertView of(Alert a) {
        return new AlertView(a.alertId(), a.incidentId(), a.petitionId(), a.kind().name(), a.level().name(),
                a.recipientRole().name(), a.department(), a.summary(), a.state().name(), a.step(), a.currentRole().name(), a.raisedAt(),
                a.acknowledgedBy(), a.acknowledgedRole(), a.acknowledgedAt());
    }
}
