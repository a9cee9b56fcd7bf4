package org.xinfang.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.RiskSignal;

class EscalationRedecisionTest {

    private final EscalationRedecision redecision = new EscalationRedecision(new LevelRules(LevelThresholds.defaults()));
    private final LevelRules rules = new LevelRules(LevelThresholds.defaults());

    @Test
    void violenceBreakingOutDuringAGroupVisitIsCriticalAsIfKnownOnReceipt() {
        var outcome = redecision.decide(EmergencyLevel.ELEVATED, Set.of(RiskSignal.BLOCKING), Form.GROUP, 12, 12, false,
                Set.of(RiskSignal.BLOCKING, RiskSignal.VIOLENCE), Set.of(RiskSignal.VIOLENCE));
        assertThat(outcome.level()).isEqualTo(EmergencyLevel.CRITICAL)
                .isEqualTo(rules.assess(Form.GROUP, 12, false, Set.of(RiskSignal.BLOCKING, RiskSignal.VIOLENCE)).level());
        assertThat(outcome.riskSignals()).containsExactlyInAnyOrder(RiskSignal.BLOCKING, RiskSignal.VIOLENCE);
        assertThat(outcome.reasons().get(0)).isEqualTo("情况升级：新增打砸抢烧");
        assertThat(outcome.reasons()).contains("打砸抢烧：公安、综治部门立即到场 → 特别重大（Ⅰ级）")
                .last().isEqualTo("紧急程度：特别重大（Ⅰ级）（原为较大（Ⅲ级））");
    }

    @Test
    void aGroupGrowingToThirtyOrGoingOverTheSchoolsHeadIsHigh() {
        var grown = redecision.decide(EmergencyLevel.ELEVATED, Set.of(), Form.GROUP, 35, 12, false, Set.of(), Set.of());
        assertThat(grown.level()).isEqualTo(EmergencyLevel.HIGH);
        assertThat(grown.reasons().get(0)).isEqualTo("情况升级：人数由12人增至35人");
        var overTheHead = redecision.decide(EmergencyLevel.ELEVATED, Set.of(), Form.GROUP, 12, 12, true, Set.of(), Set.of());
        assertThat(overTheHead.level()).isEqualTo(EmergencyLevel.HIGH);
        assertThat(overTheHead.reasons()).contains("越级上访 → 重大（Ⅱ级）");
    }

    @Test
    void theSignalsRoutingReadInTheTextStayAndTheLevelNeverFalls() {
        // Danger was read in the text on receipt; the clerk now only adds media attention.
        var outcome = redecision.decide(EmergencyLevel.CRITICAL, Set.of(RiskSignal.DANGER_TO_PEOPLE), Form.INDIVIDUAL,
                1, 1, false, Set.of(RiskSignal.MEDIA_ATTENTION), Set.of(RiskSignal.MEDIA_ATTENTION));
        assertThat(outcome.level()).isEqualTo(EmergencyLevel.CRITICAL);
        assertThat(outcome.riskSignals()).containsExactlyInAnyOrder(RiskSignal.DANGER_TO_PEOPLE, RiskSignal.MEDIA_ATTENTION);
        assertThat(outcome.reasons()).last().isEqualTo("紧急程度：特别重大（Ⅰ级）（未变）");
    }

    @Test
    void anIndividualPetitionJoinedByACrowdIsJudgedAsAGroup() {
        var outcome = redecision.decide(EmergencyLevel.ROUTINE, Set.of(), Form.INDIVIDUAL, 8, 1, false, Set.of(), Set.of());
        assertThat(outcome.level()).isEqualTo(EmergencyLevel.ELEVATED);
        assertThat(outcome.reasons()).noneMatch(r -> r.startsWith("个人信访"));
    }
}
