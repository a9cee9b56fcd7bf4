package org.xinfang.intake.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.xinfang.intake.domain.CalendarYear;
import org.xinfang.intake.domain.WorkingCalendar;

/** The calendars the repository ships say what the State Council's notices say, and nothing for a year not published. */
class NationalCalendarsTest {

    private static final Map<Integer, CalendarYear> SHIPPED = NationalCalendars.shipped().stream()
            .collect(Collectors.toMap(CalendarYear::year, c -> c));
    private static final WorkingCalendar NATIONAL = new WorkingCalendar(null, List.copyOf(SHIPPED.values()));

    private static boolean works(String day) {
        return NATIONAL.isWorkingDay(LocalDate.parse(day));
    }

    @Test
    void everyShippedYearIsThereAndValid() {
        assertThat(SHIPPED).containsKeys(2025, 2026, 2027);
        assertThat(SHIPPED.get(2026).source()).contains("2026年部分节假日安排");
        assertThat(SHIPPED.get(2026).holidays()).hasSize(7);
        assertThat(SHIPPED.get(2026).workingDays()).hasSize(6);
    }

    @Test
    void the2026NoticeDayByDay() {
        assertThat(works("2026-01-02")).as("元旦").isFalse();
        assertThat(works("2026-01-04")).as("元旦调休, a Sunday").isTrue();
        assertThat(works("2026-02-14")).as("春节调休, a Saturday").isTrue();
        assertThat(works("2026-02-23")).as("春节, a Monday").isFalse();
        assertThat(works("2026-02-28")).as("春节调休, a Saturday").isTrue();
        assertThat(works("2026-05-05")).as("劳动节, a Tuesday").isFalse();
        assertThat(works("2026-05-09")).as("劳动节调休, a Saturday").isTrue();
        assertThat(works("2026-06-19")).as("端午节, a Friday").isFalse();
        assertThat(works("2026-09-20")).as("国庆节调休, a Sunday").isTrue();
        assertThat(works("2026-09-25")).as("中秋节, a Friday").isFalse();
        assertThat(works("2026-10-07")).as("国庆节, a Wednesday").isFalse();
        assertThat(works("2026-10-08")).isTrue();
        assertThat(works("2026-10-10")).as("国庆节调休, a Saturday").isTrue();
        assertThat(works("2026-10-11")).as("an ordinary Sunday").isFalse();
    }

    @Test
    void the2025NoticeDayByDay() {
        assertThat(works("2025-01-26")).as("春节调休, a Sunday").isTrue();
        assertThat(works("2025-02-04")).as("春节, a Tuesday").isFalse();
        assertThat(works("2025-04-27")).as("劳动节调休, a Sunday").isTrue();
        assertThat(works("2025-10-08")).as("国庆节、中秋节, a Wednesday").isFalse();
        assertThat(works("2025-10-11")).as("国庆节调休, a Saturday").isTrue();
    }

    @Test
    void aYearNotYetPublishedHasNoDaysAndSaysSo() {
        CalendarYear y2027 = SHIPPED.get(2027);
        assertThat(y2027.published()).isFalse();
        assertThat(y2027.holidays()).isEmpty();
        assertThat(y2027.versionName()).isEqualTo("national-2027-not-published");
        assertThat(works("2027-01-01")).as("a Friday, with no notice to say otherwise").isTrue();
    }
}
