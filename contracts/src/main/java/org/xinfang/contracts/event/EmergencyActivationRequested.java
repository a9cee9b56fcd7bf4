package org.xinfang.contracts.event;

import org.xinfang.contracts.vocabulary.EmergencyLevel;

/**
 * The leader is asked to activate the emergency plan. For critical incidents the first alerts have already
 * gone out ({@code actedBeforeApproval}): the plan puts people's safety before the approval step.
 */
public record EmergencyActivationRequested(
        EventMeta meta,
        String incidentId,
        EmergencyLevel level,
        String reason,
        Boolean actedBeforeApproval) implements PipelineEvent {

    public EmergencyActivationRequested {
        Required.present(meta, "meta");
        Required.text(incidentId, "incidentId");
        Required.present(level, "level");
        Required.text(reason, "reason");
        Required.present(actedBeforeApproval, "actedBeforeApproval");
    }
}
