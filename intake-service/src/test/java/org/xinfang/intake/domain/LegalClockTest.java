package org.xinfang.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The counting rules at their edges, against the State Council's real notices for 2025 and 2026. */
class LegalClockTest {

    private static final ZoneId BEIJING = LegalRules.CHINA;
    private static final LegalClock LAW = LegalClocks.national();

    private static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant();
    }

    private static Instant endOf(String date) {
        return LocalDate.parse(date).plusDays(1).atStartOfDay(BEIJING).toInstant();
    }

    @Test
    void theDayOfReceiptDoesNotCountAndThePeriodEndsAtMidnightInBeijing() {
        // 2026-12-03 is a Thursday: the fifteenth day after it is Friday 12月18日.
        Deadline d = LAW.count(LegalStep.ACCEPT, beijing("2026-12-03T23:59"));
        assertThat(d.eventDay()).isEqualTo(LocalDate.parse("2026-12-03"));
        assertThat(d.lastDay()).isEqualTo(LocalDate.parse("2026-12-18"));
        assertThat(d.dueBy()).isEqualTo(endOf("2026-12-18")).isEqualTo(Instant.parse("2026-12-18T16:00:00Z"));
        assertThat(d.calendarVersions()).containsExactly("national-2026-v1");
        assertThat(d.calendarComplete()).isTrue();
        assertThat(d.rulesVersion()).isEqualTo("national-0");
    }

    @Test
    void twoMinutesLaterIsTheNextDayInBeijingThoughTheSameDateInUtc() {
        Instant before = beijing("2026-12-03T23:59");
        Instant after = beijing("2026-12-04T00:01");
        assertThat(LocalDate.ofInstant(before, ZoneId.of("UTC"))).isEqualTo(LocalDate.ofInstant(after, ZoneId.of("UTC")));
        Deadline d = LAW.count(LegalStep.ACCEPT, after);
        // Day 15 is Saturday 12月19日, a rest day: the period runs to the end of Monday 12月21日.
        assertThat(d.lastDay()).isEqualTo(LocalDate.parse("2026-12-21"));
        assertThat(d.dueBy()).isEqualTo(endOf("2026-12-21"));
    }

    @Test
    void aLastDayInTheNationalDayHolidayMovesToTheNextWorkingDay() {
        // Received Wednesday 9月16日: day 15 is 10月1日, the holiday runs to 10月7日, 10月8日 is a Thursday.
        Deadline d = LAW.count(LegalStep.ACCEPT, beijing("2026-09-16T10:00"));
        assertThat(d.lastDay()).isEqualTo(LocalDate.parse("2026-10-08"));
    }

    @Test
    void aShiftedWorkingSaturdayIsALastDayLikeAnyWorkingDay() {
        // 10月10日 (Saturday) is a working day by the notice: a period ending on it ends on it.
        Deadline shifted = LAW.count(LegalStep.ACCEPT, beijing("2026-09-25T09:00"));
        assertThat(shifted.lastDay()).isEqualTo(LocalDate.parse("2026-10-10"));
        // A week later the Saturday is an ordinary rest day: Monday instead.
        Deadline ordinary = LAW.count(LegalStep.ACCEPT, beijing("2026-10-02T09:00"));
        assertThat(ordinary.lastDay()).isEqualTo(LocalDate.parse("2026-10-19"));
    }

    @Test
    void aPeriodAcrossTheYearBoundaryUsesBothYearsCalendars() {
        // Received 2025-12-17: day 15 is 元旦 2026 (1月1日–3日); Sunday 1月4日 is a shifted working day.
        Deadline d = LAW.count(LegalStep.ACCEPT, beijing("2025-12-17T15:00"));
        assertThat(d.lastDay()).isEqualTo(LocalDate.parse("2026-01-04"));
        assertThat(d.calendarVersions()).containsExactly("national-2025-v1", "national-2026-v1");
        assertThat(d.calendarComplete()).isTrue();
    }

    @Test
    void aYearWithoutAPublishedCalendarIsCountedWithWeekendsOnlyAndSaysSo() {
        // Received 2026-12-20: day 15 is Monday 2027-01-04; 2027's notice is not in the calendar.
        Deadline d = LAW.count(LegalStep.ACCEPT, beijing("2026-12-20T11:00"));
        assertThat(d.lastDay()).isEqualTo(LocalDate.parse("2027-01-04"));
        assertThat(d.calendarVersions()).containsExactly("national-2026-v1", "d-east-2027-not-published");
        assertThat(d.calendarComplete()).isFalse();
    }

    @Test
    void workingDaysSkipHolidaysAndCountShiftedWorkingDays() {
        Map<LegalStep, Integer> days = new EnumMap<>(LegalStep.class);
        Map<LegalStep, DayKind> kinds = new EnumMap<>(LegalStep.class);
        for (LegalStep step : LegalStep.values()) {
            days.put(step, LegalClocks.NATIONAL.limit(step).days());
            kinds.put(step, DayKind.CALENDAR_DAYS);
        }
        days.put(LegalStep.ACCEPT, 5);
        kinds.put(LegalStep.ACCEPT, DayKind.WORKING_DAYS);
        LegalClock working = LegalClocks.with(LegalRules.proposed("d-east", 1, "Asia/Shanghai", days, kinds, null, null),
                LegalClocks.Y2026);
        // From Friday 2月13日: Saturday 2月14日 works (1), 2月15日–23日 are the Spring Festival, then 24日 (2) to 27日 (5).
        Deadline d = working.count(LegalStep.ACCEPT, beijing("2026-02-13T09:00"));
        assertThat(d.lastDay()).isEqualTo(LocalDate.parse("2026-02-27"));
        assertThat(d.limit()).isEqualTo(TimeLimit.workingDays(5));
        assertThat(d.rulesVersion()).isEqualTo("d-east-1");
        // Fifteen calendar days from the same Friday end on Saturday 2月28日, itself a shifted working day.
        assertThat(LAW.count(LegalStep.ACCEPT, beijing("2026-02-13T09:00")).lastDay()).isEqualTo(LocalDate.parse("2026-02-28"));
    }

    @Test
    void aHearingsDaysDoNotCountTowardAReviewsAnswer() {
        Instant requested = beijing("2026-03-02T10:00");
        Deadline without = LAW.count(LegalStep.REVIEW_ANSWER, requested, List.of());
        assertThat(without.lastDay()).isEqualTo(LocalDate.parse("2026-04-01"));
        HearingPause hearing = new HearingPause(LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-12"));
        Deadline paused = LAW.count(LegalStep.REVIEW_ANSWER, requested, List.of(hearing));
        // Three days later is Saturday 4月4日, 清明节 to 6日: the answer is due by the end of Tuesday 4月7日.
        assertThat(paused.lastDay()).isEqualTo(LocalDate.parse("2026-04-07"));
        assertThat(paused.pausedDays()).isEqualTo(3);
        assertThat(LAW.count(LegalStep.HANDLE, requested, List.of(hearing)).pausedDays())
                .as("a hearing pauses only a review's or re-review's answer").isZero();
    }

    @Test
    void aDeadlineKeepsTheCalendarVersionItWasCountedWith() {
        Instant received = beijing("2026-09-16T10:00");
        Deadline before = LAW.count(LegalStep.ACCEPT, received);
        CalendarYear withClosure = LegalClocks.withClosure(LegalClocks.Y2026, "d-east", 2,
                LegalClocks.range("区教育系统停课", "2026-10-08", "2026-10-08"));
        LegalClock later = LegalClocks.with(LegalClocks.NATIONAL, LegalClocks.Y2025, withClosure);
        Deadline after = later.count(LegalStep.ACCEPT, received);
        assertThat(after.lastDay()).isEqualTo(LocalDate.parse("2026-10-09"));
        assertThat(after.calendarVersions()).containsExactly("d-east-2026-v2");
        assertThat(before.lastDay()).as("counted before the change, and unchanged by it")
                .isEqualTo(LocalDate.parse("2026-10-08"));
        assertThat(before.calendarVersions()).containsExactly("national-2026-v1");
    }

    @Test
    void anExtensionCountsOnFromWhereTheHandlingLimitReallyEnded() {
        // Accepted 8月2日: day 60 is 10月1日, moved to 10月8日; thirty more days from there is 11月7日, a Saturday.
        Deadline handle = LAW.count(LegalStep.HANDLE, beijing("2026-08-02T10:00"));
        assertThat(handle.lastDay()).isEqualTo(LocalDate.parse("2026-10-08"));
        Deadline extended = LAW.extend(handle, 30);
        assertThat(extended.step()).isEqualTo(LegalStep.EXTENSION);
        assertThat(extended.lastDay()).isEqualTo(LocalDate.parse("2026-11-09"));
    }

    @Test
    void anotherZoneEndsTheDayAtItsOwnMidnight() {
        LegalRules urumqi = new LegalRules("d-west", 1, ZoneId.of("Asia/Urumqi"), LegalClocks.NATIONAL.limits(), null, null);
        Deadline d = LegalClocks.with(urumqi, LegalClocks.Y2026).count(LegalStep.ACCEPT, Instant.parse("2026-12-03T17:30:00Z"));
        // 17:30 UTC is 23:30 in Urumqi (UTC+6), still 12月3日 there, while Beijing is already on 12月4日.
        assertThat(d.lastDay()).isEqualTo(LocalDate.parse("2026-12-18"));
        assertThat(d.dueBy()).isEqualTo(Instant.parse("2026-12-18T18:00:00Z"));
    }
}
