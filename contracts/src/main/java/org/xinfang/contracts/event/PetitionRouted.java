package org.xinfang.contracts.event;

import java.util.List;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Subject;

/**
 * Routing's decision for one received petition: who handles it, how urgent it is, by when, and why.
 * {@code receivedEventId} names the cause, so a consumer can tell a replay from a new decision.
 */
public record PetitionRouted(
        EventMeta meta,
        String receivedEventId,
        Subject subject,
        String department,
        @OptionalField List<String> coDepartments,
        EmergencyLevel level,
        @OptionalField List<String> reasons,
        String ruleSetVersion,
        Deadlines deadlines) implements PipelineEvent {

    public PetitionRouted {
        Required.present(meta, "meta");
        Required.text(receivedEventId, "receivedEventId");
        Required.present(subject, "subject");
        Required.text(department, "department");
        Required.present(level, "level");
        Required.text(ruleSetVersion, "ruleSetVersion");
        Required.present(deadlines, "deadlines");
        coDepartments = coDepartments == null ? List.of() : List.copyOf(coDepartments);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
