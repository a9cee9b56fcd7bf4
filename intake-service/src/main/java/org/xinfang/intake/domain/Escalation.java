package org.xinfang.intake.domain;

import java.util.Set;
import org.xinfang.contracts.vocabulary.RiskSignal;

/**
 * What a clerk or the school's leadership reports when the situation of a petition gets worse on the spot (the plan's
 * 四(4)): signals to add, a larger headcount, the group gone over the school's head, and what happened.
 *
 * @param riskSignals signals to add; those the petition has already are allowed and change nothing
 * @param headcount   how many are there now; null when unchanged
 * @param escalated   true when the group went over the school's head (越级); false or null leaves it as it was
 * @param note        what happened, in the clerk's words: required, kept in the history only
 */
public record Escalation(Set<RiskSignal> riskSignals, Integer headcount, Boolean escalated, String note) {

    public Escalation {
        riskSignals = riskSignals == null ? Set.of() : Set.copyOf(riskSignals);
    }
}
