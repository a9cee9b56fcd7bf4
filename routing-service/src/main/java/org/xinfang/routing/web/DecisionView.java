package org.xinfang.routing.web;

import java.time.Instant;
import java.util.List;
import org.xinfang.contracts.event.Deadlines;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Subject;

/** A stored routing decision as the API shows it. */
record DecisionView(String petitionId, String district, String school, String receivedEventId, String routedEventId,
                    Instant decidedAt, Subject subject, String department, List<String> coDepartments,
                    EmergencyLevel level, List<String> reasons, String ruleSetVersion, Deadlines deadlines) {

    static DecisionView of(PetitionRouted routed) {
        return new DecisionView(routed.meta().petitionId(), routed.meta().district(), routed.meta().school(),
                routed.receivedEventId(), routed.meta().eventId(), routed.meta().occurredAt(), routed.subject(),
                routed.department(), routed.coDepartments(), routed.level(), routed.reasons(), routed.ruleSetVersion(),
                routed.deadlines());
    }
}
