package org.xinfang.routing.domain;

import java.util.List;
import java.util.Set;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.contracts.vocabulary.Subject;

/** Routing's answer for one petition, with every reason that led to it, in the order the rules applied. */
public record RoutingDecision(Subject subject, String department, List<String> coDepartments, EmergencyLevel level,
                              Set<RiskSignal> riskSignals, List<String> reasons, String ruleSetVersion) {

    public RoutingDecision {
        coDepartments = List.copyOf(coDepartments);
        riskSignals = Set.copyOf(riskSignals);
        reasons = List.copyOf(reasons);
    }
}
