package org.xinfang.notification.domain;

import java.util.List;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Subject;

/**
 * What notification needs from routing's decision. It holds no petitioner identity: nothing here may reach the
 * department that a petition complains about beyond what the plan needs to act.
 *
 * @param causeEventId the routed event's id; alerts derive their ids from it, so a redelivery yields the same alerts
 */
public record RoutedPetition(
        String causeEventId,
        String district,
        String school,
        String petitionId,
        Subject subject,
        String department,
        List<String> coDepartments,
        EmergencyLevel level) {

    public RoutedPetition {
        coDepartments = coDepartments == null ? List.of() : List.copyOf(coDepartments);
    }
}
