package org.xinfang.intake.domain;

import java.util.List;
import org.xinfang.contracts.vocabulary.EmergencyLevel;

/**
 * What routing decided for a petition, as applied to the record: who handles it and how urgent it is (its deadlines
 * are intake's own); {@code routedEventId} makes replays harmless.
 */
public record DepartmentAssignment(String department, List<String> coDepartments, EmergencyLevel level,
                              String ruleSetVersion, String routedEventId) {

    public DepartmentAssignment {
        coDepartments = coDepartments == null ? List.of() : List.copyOf(coDepartments);
    }
}
