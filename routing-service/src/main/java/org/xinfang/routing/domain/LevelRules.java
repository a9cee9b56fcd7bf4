package org.xinfang.routing.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.RiskSignal;

/**
 * The emergency level of a petition: the highest level any rule gives it. Section 六 of the plan: beating,
 * smashing, looting, burning or danger to people means police and the principal's leaders at once, so those two
 * signals are CRITICAL by rule, not by configuration.
 */
public final class LevelRules {

    private final LevelThresholds thresholds;

    public LevelRules(LevelThresholds thresholds) {
        this.thresholds = thresholds;
    }

    public Assessment assess(Form form, int headcount, boolean escalated, Set<RiskSignal> signals) {
        EmergencyLevel level = EmergencyLevel.ROUTINE;
        List<String> reasons = new ArrayList<>();
        if (form == Form.INDIVIDUAL && headcount < thresholds.elevatedFromHeadcount()) {
            reasons.add("individual petition → ROUTINE");
        }
        if (headcount >= thresholds.criticalFromHeadcount()) {
            level = raise(level, EmergencyLevel.CRITICAL, headcount + " people ≥ " + thresholds.criticalFromHeadcount(), reasons);
        } else if (headcount >= thresholds.highFromHeadcount()) {
            level = raise(level, EmergencyLevel.HIGH, "group of " + headcount + " ≥ " + thresholds.highFromHeadcount(), reasons);
        } else if (headcount >= thresholds.elevatedFromHeadcount()) {
            level = raise(level, EmergencyLevel.ELEVATED, "group of " + headcount + " ≥ " + thresholds.elevatedFromHeadcount(), reasons);
        } else if (form == Form.GROUP) {
            reasons.add("group of " + headcount + " below " + thresholds.elevatedFromHeadcount() + " → ROUTINE");
        }
        if (escalated) {
            level = raise(level, thresholds.escalatedLevel(), "escalated over the school's head", reasons);
        }
        if (signals.contains(RiskSignal.BLOCKING)) {
            level = raise(level, thresholds.blockingLevel(), "blocking gates or classes", reasons);
        }
        if (signals.contains(RiskSignal.MEDIA_ATTENTION)) {
            level = raise(level, thresholds.mediaLevel(), "media or online attention", reasons);
        }
        if (signals.contains(RiskSignal.VIOLENCE)) {
            level = raise(level, EmergencyLevel.CRITICAL, "violence (打砸抢烧): police and 综治 at once", reasons);
        }
        if (signals.contains(RiskSignal.DANGER_TO_PEOPLE)) {
            level = raise(level, EmergencyLevel.CRITICAL, "danger to people: police and 综治 at once", reasons);
        }
        return new Assessment(level, reasons);
    }

    private static EmergencyLevel raise(EmergencyLevel current, EmergencyLevel to, String why, List<String> reasons) {
        reasons.add(why + " → " + to);
        return to.atLeast(current) ? to : current;
    }

    public record Assessment(EmergencyLevel level, List<String> reasons) {

        public Assessment {
            reasons = List.copyOf(reasons);
        }
    }
}
