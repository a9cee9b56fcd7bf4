package org.xinfang.contracts.event;

/** The leader (组长) or deputy approved or declined activating the emergency plan. */
public record EmergencyActivationDecided(
        EventMeta meta,
        String incidentId,
        Boolean approved,
        String decidedBy,
        String role,
        @OptionalField String reason) implements PipelineEvent {

    public EmergencyActivationDecided {
        Required.present(meta, "meta");
        Required.text(incidentId, "incidentId");
        Required.present(approved, "approved");
        Required.text(decidedBy, "decidedBy");
        Required.text(role, "role");
    }
}
