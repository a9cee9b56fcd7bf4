package org.xinfang.notification.domain;

import java.time.Instant;
import java.util.List;
import org.xinfang.contracts.vocabulary.EmergencyLevel;

/**
 * One emergency in the sense of the plan: a petition serious enough to ask for the plan's activation. One per
 * petition, whatever number of routing decisions it receives.
 *
 * @param caption the school and number people name the petition by (东区第一小学 东区一小〔2026〕17号)
 * @param actedBeforeApproval whether the first alerts went out before the leader approved (critical incidents)
 */
public record Incident(
        String incidentId,
        String district,
        String school,
        String petitionId,
        String caption,
        EmergencyLevel level,
        String department,
        List<String> coDepartments,
        Activation activation,
        boolean actedBeforeApproval,
        Instant openedAt,
        String causeEventId,
        ActivationDecision decision,
        List<TimelineEntry> timeline) {

    /** Where the leader's approval stands. */
    public enum Activation { REQUESTED, APPROVED, DECLINED }

    public Incident {
        coDepartments = coDepartments == null ? List.of() : List.copyOf(coDepartments);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    /** Every department the plan sends to the scene: the responsible one first, then the co-departments. */
    public List<String> departments() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        all.add(department);
        all.addAll(coDepartments);
        return List.copyOf(all);
    }
}
