package org.xinfang.notification.domain;

import java.time.Instant;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.EmergencyLevel;

/**
 * A request to one person in a role to act on one petition. Its id is derived from the routed event and the
 * recipient, so however often the event is delivered there is one alert per recipient.
 *
 * @param causeEventId the routed event that raised it
 * @param step the escalation step it has reached (0 = first recipient)
 * @param currentRole who must answer now: the first recipient, or the role the chain has escalated to
 */
public record Alert(
        String alertId,
        String incidentId,
        String causeEventId,
        String district,
        String school,
        String petitionId,
        AlertKind kind,
        EmergencyLevel level,
        RecipientRole recipientRole,
        String department,
        String summary,
        String details,
        AlertState state,
        int step,
        RecipientRole currentRole,
        Instant raisedAt,
        String acknowledgedBy,
        String acknowledgedRole,
        Instant acknowledgedAt) {

    public boolean open() {
        return state == AlertState.OPEN;
    }

    public Alert acknowledged(String by, String role, Instant at) {
        return new Alert(alertId, incidentId, causeEventId, district, school, petitionId, kind, level, recipientRole,
                department, summary, details, AlertState.ACKNOWLEDGED, step, currentRole, raisedAt, by, role, at);
    }
}
