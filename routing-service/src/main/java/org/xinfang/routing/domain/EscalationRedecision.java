package org.xinfang.routing.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.RiskSignal;

/**
 * The level of a petition after an escalation on the spot (the plan's 四(4)), decided by the same {@link LevelRules}
 * as on receipt, on the facts as they now stand: the signals routing decided on before (the clerk's and those it read
 * in the text) with the new ones, the larger headcount, the escalated flag. Who handles the petition does not change:
 * the subject is what it was. Facts only grow, so the level never falls below the standing one.
 */
public final class EscalationRedecision {

    /** The new level and why, the first reason saying that it is an escalation. */
    public record Outcome(EmergencyLevel level, Set<RiskSignal> riskSignals, int headcount, List<String> reasons) {

        public Outcome {
            riskSignals = Set.copyOf(riskSignals);
            reasons = List.copyOf(reasons);
        }
    }

    private final LevelRules levelRules;

    public EscalationRedecision(LevelRules levelRules) {
        this.levelRules = levelRules;
    }

    /**
     * @param standing        the level of the decision that stands
     * @param decidedSignals  the signals that decision was taken on
     * @param form            the petition's form as routing knew it; a headcount above one makes it a group's
     */
    public Outcome decide(EmergencyLevel standing, Set<RiskSignal> decidedSignals, Form form, int headcount,
                          int headcountBefore, boolean escalated, Set<RiskSignal> escalatedSignals,
                          Set<RiskSignal> added) {
        Set<RiskSignal> signals = EnumSet.noneOf(RiskSignal.class);
        signals.addAll(decidedSignals);
        signals.addAll(escalatedSignals);
        Form now = headcount > 1 ? Form.GROUP : form;
        LevelRules.Assessment assessment = levelRules.assess(now, headcount, escalated, signals);
        EmergencyLevel level = assessment.level().atLeast(standing) ? assessment.level() : standing;
        List<String> reasons = new ArrayList<>();
        reasons.add("情况升级：" + what(headcount, headcountBefore, escalated, added));
        reasons.addAll(assessment.reasons());
        if (level != assessment.level()) {
            reasons.add("升级前已为" + standing.chineseName() + "，不予降低");
        }
        reasons.add("紧急程度：" + level.chineseName()
                + (level == standing ? "（未变）" : "（原为" + standing.chineseName() + "）"));
        return new Outcome(level, signals, headcount, reasons);
    }

    private static String what(int headcount, int headcountBefore, boolean escalated, Set<RiskSignal> added) {
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add("新增" + String.join("、", EnumSet.copyOf(added).stream().map(RiskSignal::chineseName).toList()));
        }
        if (headcount > headcountBefore) {
            parts.add("人数由" + headcountBefore + "人增至" + headcount + "人");
        }
        if (escalated) {
            parts.add("越级上访");
        }
        return parts.isEmpty() ? "现场情况有变" : String.join("，", parts);
    }
}
