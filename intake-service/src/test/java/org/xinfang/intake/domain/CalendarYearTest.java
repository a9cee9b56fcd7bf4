package org.xinfang.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarYearTest {

    private static List<String> fieldsRefused(Runnable r) {
        try {
            r.run();
        } catch (InvalidSettingsException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void theNoticesAsWrittenAreValid() {
        assertThat(LegalClocks.Y2026.isHoliday(java.time.LocalDate.parse("2026-10-07"))).isTrue();
        assertThat(LegalClocks.Y2026.isShiftedWorkingDay(java.time.LocalDate.parse("2026-10-10"))).isTrue();
        assertThat(LegalClocks.Y2026.versionName()).isEqualTo("national-2026-v1");
    }

    @Test
    void overlappingHolidaysAreRefusedNamingTheSecond() {
        assertThat(fieldsRefused(() -> CalendarYear.proposed("d-east", 2026, 1, true, "通知",
                List.of(LegalClocks.range("国庆节", "2026-10-01", "2026-10-07"),
                        LegalClocks.range("校庆", "2026-10-07", "2026-10-08")), List.of(), null, null)))
                .containsExactly("holidays[1]");
    }

    @Test
    void aDayBothHolidayAndWorkingDayIsContradictory() {
        assertThat(fieldsRefused(() -> CalendarYear.proposed("d-east", 2026, 1, true, "通知",
                List.of(LegalClocks.range("国庆节", "2026-10-01", "2026-10-07")),
                List.of(LegalClocks.day("2026-10-04")), null, null)))
                .containsExactly("workingDays[0]");
    }

    @Test
    void aShiftedWorkingDayOnAWeekdayIsAMistake() {
        assertThat(fieldsRefused(() -> CalendarYear.proposed("d-east", 2026, 1, true, "通知",
                List.of(LegalClocks.range("国庆节", "2026-10-01", "2026-10-07")),
                List.of(LegalClocks.day("2026-10-09")), null, null)))
                .containsExactly("workingDays[0]");
    }

    @Test
    void rangesEndAfterTheyStartAndStayInTheirYear() {
        assertThat(fieldsRefused(() -> CalendarYear.proposed("d-east", 2026, 1, true, "通知",
                List.of(LegalClocks.range("国庆节", "2026-10-07", "2026-10-01"),
                        LegalClocks.range("元旦", "2027-01-01", "2027-01-01")), List.of(), null, null)))
                .containsExactly("holidays[0].to", "holidays[1]");
        // 元旦 of a year may start in the last days of the year before (2024's notice: 12月30日 to 1月1日).
        CalendarYear y2024 = CalendarYear.proposed(null, 2024, 1, true, "国办发明电〔2023〕7号",
                List.of(LegalClocks.range("元旦", "2023-12-30", "2024-01-01")), List.of(), null, null);
        assertThat(new WorkingCalendar("d", List.of(y2024)).isWorkingDay(java.time.LocalDate.parse("2023-12-30"))).isFalse();
    }

    @Test
    void aYearNotPublishedHasNoDaysAndAPublishedOneNamesItsHolidaysAndSource() {
        assertThat(fieldsRefused(() -> CalendarYear.proposed("d-east", 2027, 1, false, null,
                List.of(LegalClocks.range("元旦", "2027-01-01", "2027-01-01")), List.of(), null, null)))
                .containsExactly("published");
        assertThat(fieldsRefused(() -> CalendarYear.proposed("d-east", 2027, 1, true, " ", List.of(), List.of(),
                null, null))).containsExactly("holidays", "source");
        CalendarYear empty = CalendarYear.proposed("d-east", 2027, 1, false, null, List.of(), List.of(), null, null);
        assertThat(empty.versionName()).isEqualTo("d-east-2027-not-published");
        assertThatThrownBy(() -> CalendarYear.proposed("d-east", 1999, 1, false, null, List.of(), List.of(), null, null))
                .isInstanceOf(InvalidSettingsException.class);
    }
}
