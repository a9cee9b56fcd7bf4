package org.xinfang.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.vocabulary.DigestPeriod;

class DigestCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final DigestCalendar calendar = new DigestCalendar(SHANGHAI, Duration.ofMinutes(10), 1, 1);

    /** Figures are the district's days: Sunday 2026-11-22 closes at Beijing's midnight, 16:00Z, not at UTC's. */
    @Test
    void aDayIsDueOnceItHasEndedInTheDistrictAndSettled() {
        LocalDate sunday = LocalDate.of(2026, 11, 22);
        assertThat(calendar.closeOf(sunday)).isEqualTo(Instant.parse("2026-11-22T16:00:00Z"));
        assertThat(windows(Instant.parse("2026-11-22T15:59:00Z"))).doesNotContain("DAILY 2026-11-22");
        assertThat(windows(Instant.parse("2026-11-22T16:09:59Z"))).doesNotContain("DAILY 2026-11-22");
        assertThat(windows(Instant.parse("2026-11-22T16:10:00Z")))
                .containsExactly("WEEKLY 2026-11-16..2026-11-22", "DAILY 2026-11-22");
        // Before UTC's midnight, so a calendar in UTC would still wait; the district's day is over.
        assertThat(windows(Instant.parse("2026-11-22T23:00:00Z"))).contains("DAILY 2026-11-22");
        DigestCalendar utc = new DigestCalendar(java.time.ZoneOffset.UTC, Duration.ofMinutes(10), 1, 1);
        assertThat(utc.closeOf(sunday)).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(utc.due(Instant.parse("2026-11-22T23:00:00Z"))).noneMatch(w -> w.to().equals(sunday));
    }

    /** West of UTC too, the district's own midnight closes its day. */
    @Test
    void westOfUtcTheDistrictsMidnightDecides() {
        DigestCalendar newYork = new DigestCalendar(ZoneId.of("America/New_York"), Duration.ZERO, 1, 1);
        assertThat(newYork.closeOf(LocalDate.of(2026, 11, 22))).isEqualTo(Instant.parse("2026-11-23T05:00:00Z"));
    }

    @Test
    void theLookBackBoundsWhatIsCaughtUpAndTheOpenPeriodsAreNeverDue() {
        DigestCalendar week = new DigestCalendar(SHANGHAI, Duration.ofMinutes(10), 7, 2);
        List<String> due = week.due(Instant.parse("2026-11-25T12:00:00Z")).stream()
                .map(w -> w.period() + " " + w.from()).toList();
        assertThat(due).containsExactly("WEEKLY 2026-11-09", "WEEKLY 2026-11-16",
                "DAILY 2026-11-18", "DAILY 2026-11-19", "DAILY 2026-11-20", "DAILY 2026-11-21", "DAILY 2026-11-22",
                "DAILY 2026-11-23", "DAILY 2026-11-24");
        assertThat(week.due(Instant.parse("2026-11-25T12:00:00Z")).get(1).days()).hasSize(7);
        assertThat(week.due(Instant.parse("2026-11-25T12:00:00Z")).get(0).period()).isEqualTo(DigestPeriod.WEEKLY);
    }

    private List<String> windows(Instant now) {
        return calendar.due(now).stream().map(w -> w.period() + " " + (w.from().equals(w.to()) ? w.from().toString()
                : w.from() + ".." + w.to())).toList();
    }
}
