package org.xinfang.reporting.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The periods figures are kept for: days, ISO weeks (from Monday), calendar months and years, all as the districts
 * count them, in their zone ({@link ReportingPolicy#zone()}).
 */
public enum Grain {
    DAY, WEEK, MONTH, YEAR;

    public LocalDate startOf(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The last day of the period that starts on {@code start}. */
    public LocalDate endFrom(LocalDate start) {
        return switch (this) {
            case DAY -> start;
            case WEEK -> start.plusDays(6);
            case MONTH -> start.plusMonths(1).minusDays(1);
            case YEAR -> start.plusYears(1).minusDays(1);
        };
    }
}
