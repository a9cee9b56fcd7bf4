package org.xinfang.reporting.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.xinfang.contracts.vocabulary.DigestPeriod;

/**
 * Which digest periods have closed and settled at a given instant. Figures are stored per day of the districts' zone,
 * so a day closes at the district's midnight and is due a settle delay later, so that late events land first. Looks
 * back a bounded number of periods, so a service that was down catches up on what it missed, and a new one does not
 * send digests for all of history.
 */
public final class DigestCalendar {

    private final ZoneId zone;
    private final Duration settle;
    private final int lookbackDays;
    private final int lookbackWeeks;

    /** @param zone the districts' zone, the same one the figures are folded in */
    public DigestCalendar(ZoneId zone, Duration settle, int lookbackDays, int lookbackWeeks) {
        if (settle.isNegative() || lookbackDays < 1 || lookbackWeeks < 1) {
            throw new IllegalArgumentException("settle must not be negative and look-backs at least 1");
        }
        this.zone = zone;
        this.settle = settle;
        this.lookbackDays = lookbackDays;
        this.lookbackWeeks = lookbackWeeks;
    }

    /** One digest period: the inclusive days it covers and when it closed. */
    public record Window(DigestPeriod period, LocalDate from, LocalDate to, Instant closedAt) {

        public List<LocalDate> days() {
            return from.datesUntil(to.plusDays(1)).toList();
        }
    }

    /** The periods due at {@code now}, oldest first: closed and settled, within the look-back. */
    public List<Window> due(Instant now) {
        List<Window> due = new ArrayList<>();
        LocalDate latest = LocalDate.ofInstant(now, zone);
        LocalDate firstWeek = Grain.WEEK.startOf(latest).minusWeeks(lookbackWeeks);
        for (LocalDate week = firstWeek; !week.isAfter(latest); week = week.plusWeeks(1)) {
            add(due, DigestPeriod.WEEKLY, week, week.plusDays(6), now);
        }
        for (LocalDate day = latest.minusDays(lookbackDays); !day.isAfter(latest); day = day.plusDays(1)) {
            add(due, DigestPeriod.DAILY, day, day, now);
        }
        return due;
    }

    /** When the period ending on {@code lastDay} has closed: the district's next midnight. */
    public Instant closeOf(LocalDate lastDay) {
        return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private void add(List<Window> due, DigestPeriod period, LocalDate from, LocalDate to, Instant now) {
        Instant closed = closeOf(to);
        if (!closed.plus(settle).isAfter(now)) {
            due.add(new Window(period, from, to, closed));
        }
    }
}
