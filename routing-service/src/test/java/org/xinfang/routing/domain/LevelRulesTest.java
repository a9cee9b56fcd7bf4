package org.xinfang.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xinfang.contracts.vocabulary.EmergencyLevel.CRITICAL;
import static org.xinfang.contracts.vocabulary.EmergencyLevel.ELEVATED;
import static org.xinfang.contracts.vocabulary.EmergencyLevel.HIGH;
import static org.xinfang.contracts.vocabulary.EmergencyLevel.ROUTINE;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.RiskSignal;

class LevelRulesTest {

    private final LevelRules rules = new LevelRules(LevelThresholds.defaults());

    @ParameterizedTest(name = "{0} of {1}, escalated {2} → {3}")
    @CsvSource({
            "INDIVIDUAL, 1, false, ROUTINE",
            "GROUP, 4, false, ROUTINE",
            "GROUP, 5, false, ELEVATED",
            "GROUP, 29, false, ELEVATED",
            "GROUP, 30, false, HIGH",
            "INDIVIDUAL, 1, true, HIGH",
            "GROUP, 12, true, HIGH",
            "GROUP, 99, true, HIGH",
            "GROUP, 100, false, CRITICAL"})
    void domainDefaults(Form form, int headcount, boolean escalated, EmergencyLevel expected) {
        assertThat(rules.assess(form, headcount, escalated, Set.of()).level()).isEqualTo(expected);
    }

    @Test
    void violenceAndDangerAreAlwaysCritical() {
        assertThat(rules.assess(Form.INDIVIDUAL, 1, false, Set.of(RiskSignal.VIOLENCE)).level()).isEqualTo(CRITICAL);
        assertThat(rules.assess(Form.INDIVIDUAL, 1, false, Set.of(RiskSignal.DANGER_TO_PEOPLE)).level()).isEqualTo(CRITICAL);
        LevelRules lenient = new LevelRules(new LevelThresholds(50, 500, 5000, ROUTINE, ROUTINE, ROUTINE));
        assertThat(lenient.assess(Form.INDIVIDUAL, 1, false, Set.of(RiskSignal.VIOLENCE)).level()).isEqualTo(CRITICAL);
    }

    @Test
    void blockingAndMediaRaiseToTheirConfiguredLevel() {
        assertThat(rules.assess(Form.INDIVIDUAL, 1, false, Set.of(RiskSignal.BLOCKING)).level()).isEqualTo(ELEVATED);
        assertThat(rules.assess(Form.INDIVIDUAL, 1, false, Set.of(RiskSignal.MEDIA_ATTENTION)).level()).isEqualTo(ELEVATED);
        LevelRules strict = new LevelRules(new LevelThresholds(5, 30, 100, HIGH, HIGH, HIGH));
        assertThat(strict.assess(Form.INDIVIDUAL, 1, false, Set.of(RiskSignal.BLOCKING)).level()).isEqualTo(HIGH);
    }

    @Test
    void aLowerRuleNeverLowersAHigherOne() {
        LevelRules.Assessment a = rules.assess(Form.GROUP, 150, true, Set.of(RiskSignal.BLOCKING));
        assertThat(a.level()).isEqualTo(CRITICAL);
        assertThat(a.reasons()).anyMatch(r -> r.contains("150 人 ≥ 100 人")).anyMatch(r -> r.contains("越级上访"));
    }

    @Test
    void thresholdsMustRise() {
        assertThatThrownBy(() -> new LevelThresholds(30, 5, 100, HIGH, ELEVATED, ELEVATED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must rise");
    }
}
