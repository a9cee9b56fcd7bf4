package org.xinfang.contracts.event;

/** A person took responsibility for an alert; its escalation chain stops. */
public record AlertAcknowledged(
        EventMeta meta,
        String alertId,
        String acknowledgedBy,
        String role) implements PipelineEvent {

    public AlertAcknowledged {
        Required.present(meta, "meta");
        Required.text(alertId, "alertId");
        Required.text(acknowledgedBy, "acknowledgedBy");
        Required.text(role, "role");
    }
}
