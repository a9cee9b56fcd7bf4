package org.xinfang.contracts.event;

import java.util.List;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Subject;

/**
 * Routing's decision for one received petition: who handles it, how urgent it is, by when, and why.
 * {@code receivedEventId} names the cause, so a consumer can tell a replay from a new decision. {@code deadlines}
 * are intake's, copied from the received event; absent when that event came from an intake that did not state them.
 * {@code situation} is what an alerted person needs to act (number, school, place, headcount, signals), copied from
 * the received event too. {@code escalatedEventId} names the {@link PetitionEscalated} that made routing decide again
 * (the situation then holds the escalated facts); absent for the decision on receipt. {@link #causeEventId()} is the
 * event a decision answers: one decision per cause.
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
        @OptionalField Deadlines deadlines,
        @OptionalField Situation situation,
        @OptionalField String escalatedEventId) implements PipelineEvent {

    public PetitionRouted {
        Required.present(meta, "meta");
        Required.text(receivedEventId, "receivedEventId");
        Required.present(subject, "subject");
        Required.text(department, "department");
        Required.present(level, "level");
        Required.text(ruleSetVersion, "ruleSetVersion");
        coDepartments = coDepartments == null ? List.of() : List.copyOf(coDepartments);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public PetitionRouted(EventMeta meta, String receivedEventId, Subject subject, String department,
                          List<String> coDepartments, EmergencyLevel level, List<String> reasons,
                          String ruleSetVersion, Deadlines deadlines) {
        this(meta, receivedEventId, subject, department, coDepartments, level, reasons, ruleSetVersion, deadlines,
                null, null);
    }

    public PetitionRouted(EventMeta meta, String receivedEventId, Subject subject, String department,
                          List<String> coDepartments, EmergencyLevel level, List<String> reasons,
                          String ruleSetVersion, Deadlines deadlines, Situation situation) {
        this(meta, receivedEventId, subject, department, coDepartments, level, reasons, ruleSetVersion, deadlines,
                situation, null);
    }

    /** Whether this decision answers an escalation rather than the petition's receipt. */
    public boolean answersEscalation() {
        return escalatedEventId != null;
    }

    /** The event this decision answers: the escalation, else the received event. */
    public String causeEventId() {
        return escalatedEventId != null ? escalatedEventId : receivedEventId;
    }
}
