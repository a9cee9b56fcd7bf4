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
            reasons.add("个人信访 → " + EmergencyLevel.ROUTINE.chineseName());
        }
        if (headcount >= thresholds.criticalFromHeadcount()) {
            level = raise(level, EmergencyLevel.CRITICAL, headcount + " 人 ≥ " + thresholds.criticalFromHeadcount() + " 人", reasons);
        } else if (headcount >= thresholds.highFromHeadcount()) {
            level = raise(level, EmergencyLevel.HIGH, "集体访 " + headcount + " 人 ≥ " + thresholds.highFromHeadcount() + " 人", reasons);
        } else if (headcount >= thresholds.elevatedFromHeadcount()) {
            level = raise(level, EmergencyLevel.ELEVATED, "集体访 " + headcount + " 人 ≥ " + thresholds.elevatedFromHeadcount() + " 人", reasons);
        } else if (form == Form.GROUP) {
            reasons.add("集体访 " + headcount + " 人，不足 " + thresholds.elevatedFromHeadcount() + " 人 → "
                    + EmergencyLevel.ROUTINE.chineseName());
        }
        if (escalated) {
            level = raise(level, thresholds.escalatedLevel(), "越级上访", reasons);
        }
        if (signals.contains(RiskSignal.BLOCKING)) {
            level = raise(level, thresholds.blockingLevel(), "堵门或扰乱教学秩序", reasons);
        }
        if (signals.contains(RiskSignal.MEDIA_ATTENTION)) {
            level = raise(level, thresholds.mediaLevel(), "媒体或网络关注", reasons);
        }
        if (signals.contains(RiskSignal.VIOLENCE)) {
            level = raise(level, EmergencyLevel.CRITICAL, "打砸抢烧：公安、综治部门立即到场", reasons);
        }
        if (signals.contains(RiskSignal.DANGER_TO_PEOPLE)) {
            level = raise(level, EmergencyLevel.CRITICAL, "危及人身安全：公安、综治部门立即到场", reasons);
        }
        return new Assessment(level, reasons);
    }

    private static EmergencyLevel raise(EmergencyLevel current, EmergencyLevel to, String why, List<String> reasons) {
        reasons.add(why + " → " + to.chineseName());
        return to.atLeast(current) ? to : current;
    }

    public record Assessment(EmergencyLevel level, List<String> reasons) {

        public Assessment {
            reasons = List.copyOf(reasons);
        }
    }
}
