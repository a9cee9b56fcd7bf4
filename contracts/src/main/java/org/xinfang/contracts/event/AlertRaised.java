package org.xinfang.contracts.event;

import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.EmergencyLevel;

/**
 * Notification asked a person in a role to act. The summary never names the petitioner: it may reach the
 * department the petition complains about.
 */
public record AlertRaised(
        EventMeta meta,
        String alertId,
        AlertKind kind,
        EmergencyLevel level,
        String recipientRole,
        @OptionalField String department,
        String summary) implements PipelineEvent {

    public AlertRaised {
        Required.present(meta, "meta");
        Required.text(alertId, "alertId");
        Required.present(kind, "kind");
        Required.present(level, "level");
        Required.text(recipientRole, "recipientRole");
        Required.text(summary, "summary");
    }
}
