package org.xinfang.intake.domain;

import java.time.Instant;
import java.util.List;
import org.xinfang.contracts.vocabulary.EmergencyLevel;

/** What routing decided for a petition, as applied to the record; {@code routedEventId} makes replays harmless. */
public record RoutingDecision(String department, List<String> coDepartments, EmergencyLevel level,
                              String ruleSetVersion, Instant acceptBy, int handleWithinDays, int extensionMaxDays,
                              String routedEventId) {

    public RoutingDecision {
        coDepartments = coDepartments == null ? List.of() : List.copyOf(coDepartments);
    }
}
