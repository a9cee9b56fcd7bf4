package org.xinfang.notification.domain;

import java.util.List;
import org.xinfang.contracts.event.Situation;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Subject;

/**
 * What notification needs from routing's decision. It holds no petitioner identity: nothing here may reach the
 * department that a petition complains about beyond what the plan needs to act.
 *
 * @param causeEventId the routed event's id; alerts derive their ids from it, so a redelivery yields the same alerts
 * @param situation    number, school, place, headcount and signals; null for a decision of an older routing
 * @param escalatedEventId the escalation on the spot routing decided again on; null for the decision on receipt
 */
public record RoutedPetition(
        String causeEventId,
        String district,
        String school,
        String petitionId,
        Subject subject,
        String department,
        List<String> coDepartments,
        EmergencyLevel level,
        Situation situation,
        String escalatedEventId) {

    public RoutedPetition {
        coDepartments = coDepartments == null ? List.of() : List.copyOf(coDepartments);
    }

    /** A decision on receipt. */
    public RoutedPetition(String causeEventId, String district, String school, String petitionId, Subject subject,
                          String department, List<String> coDepartments, EmergencyLevel level, Situation situation) {
        this(causeEventId, district, school, petitionId, subject, department, coDepartments, level, situation, null);
    }

    /** Whether routing decided this after an escalation on the spot: its alerts say it is an escalation. */
    public boolean escalation() {
        return escalatedEventId != null;
    }
}
