package org.xinfang.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegalRulesTest {

    private static Map<LegalStep, Integer> nationalDays() {
        Map<LegalStep, Integer> days = new EnumMap<>(LegalStep.class);
        LegalClocks.NATIONAL.limits().forEach((step, limit) -> days.put(step, limit.days()));
        return days;
    }

    private static Map<LegalStep, DayKind> calendarDays() {
        Map<LegalStep, DayKind> kinds = new EnumMap<>(LegalStep.class);
        for (LegalStep step : LegalStep.values()) {
            kinds.put(step, DayKind.CALENDAR_DAYS);
        }
        return kinds;
    }

    @Test
    void theNationalDefaultsAreTheRegulations() {
        assertThat(LegalClocks.NATIONAL.limit(LegalStep.ACCEPT)).isEqualTo(TimeLimit.calendarDays(15));
        assertThat(LegalClocks.NATIONAL.limit(LegalStep.HANDLE)).isEqualTo(TimeLimit.calendarDays(60));
        assertThat(LegalClocks.NATIONAL.limit(LegalStep.EXTENSION)).isEqualTo(TimeLimit.calendarDays(30));
        assertThat(LegalClocks.NATIONAL.limit(LegalStep.RE_REVIEW_ANSWER)).isEqualTo(TimeLimit.calendarDays(30));
    }

    @Test
    void zeroNegativeOrMissingLimitsAndUnknownZonesAreRefusedByField() {
        Map<LegalStep, Integer> days = nationalDays();
        days.put(LegalStep.ACCEPT, 0);
        days.put(LegalStep.HANDLE, -5);
        days.remove(LegalStep.EXTENSION);
        Map<LegalStep, DayKind> kinds = calendarDays();
        kinds.remove(LegalStep.REVIEW_ANSWER);
        try {
            LegalRules.proposed("d-east", 1, "Asia/Beijing", days, kinds, null, null);
            throw new AssertionError("accepted");
        } catch (InvalidSettingsException e) {
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("zone", "acceptWithin.days",
                    "handleWithin.days", "extensionMax.days", "reviewAnswerWithin.kind");
        }
        assertThat(LegalRules.proposed("d-east", 2, "Asia/Shanghai", nationalDays(), calendarDays(), null, null)
                .versionName()).isEqualTo("d-east-2");
    }
}
