package org.xinfang.contracts.event;

/** Nobody acknowledged within a step's wait, so the alert went to the next step of the chain. */
public record AlertEscalated(
        EventMeta meta,
        String alertId,
        Integer fromStep,
        Integer toStep,
        String toRole,
        @OptionalField String reason) implements PipelineEvent {

    public AlertEscalated {
        Required.present(meta, "meta");
        Required.text(alertId, "alertId");
        Required.present(fromStep, "fromStep");
        Required.present(toStep, "toStep");
        Required.text(toRole, "toRole");
    }
}
