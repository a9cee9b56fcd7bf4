package org.xinfang.reporting.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One stored period: a grain and the day it starts on. */
public record Period(Grain grain, LocalDate start) {

    public static final int MAX_RANGE_DAYS = 3 * 366;

    public Period {
        if (!grain.startOf(start).equals(start)) {
            throw new IllegalArgumentException(grain + " cannot start on " + start);
        }
    }

    public static Period containing(Grain grain, LocalDate day) {
        return new Period(grain, grain.startOf(day));
    }

    public LocalDate end() {
        return grain.endFrom(start);
    }

    /**
     * The smallest set of stored periods that tiles {@code [from, to]} exactly: whole years, then whole months, then
     * whole weeks, then single days. A year of data is read as one document instead of 365.
     */
    public static List<Period> cover(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("range ends before it starts");
        }
        List<Period> tiles = new ArrayList<>();
        LocalDate day = from;
        while (!day.isAfter(to)) {
            Period tile = largestStartingOn(day, to);
            tiles.add(tile);
            day = tile.end().plusDays(1);
        }
        return tiles;
    }

    /** Weeks never cross a month's start, so a ragged range still reaches its whole months. */
    private static Period largestStartingOn(LocalDate day, LocalDate to) {
        for (Grain grain : new Grain[] {Grain.YEAR, Grain.MONTH}) {
            if (grain.startOf(day).equals(day) && !grain.endFrom(day).isAfter(to)) {
                return new Period(grain, day);
            }
        }
        LocalDate weekEnd = Grain.WEEK.endFrom(day);
        LocalDate nextMonth = Grain.MONTH.endFrom(Grain.MONTH.startOf(day)).plusDays(1);
        if (Grain.WEEK.startOf(day).equals(day) && !weekEnd.isAfter(to) && weekEnd.isBefore(nextMonth)) {
            return new Period(Grain.WEEK, day);
        }
        return new Period(Grain.DAY, day);
    }

    /** The periods of the next finer grain this one is summed from: a year from months, a month or week from days. */
    public List<Period> parts() {
        List<Period> parts = new ArrayList<>();
        switch (grain) {
            case DAY -> throw new IllegalStateException("a day is summed from petitions, not from periods");
            case YEAR -> {
                for (int m = 0; m < 12; m++) {
                    parts.add(new Period(Grain.MONTH, start.plusMonths(m)));
                }
            }
            default -> start.datesUntil(end().plusDays(1)).forEach(d -> parts.add(new Period(Grain.DAY, d)));
        }
        return parts;
    }

    /** Every coarser period a day belongs to, finest first, so each is rebuilt after the ones it sums. */
    public static List<Period> rollupsOf(LocalDate day) {
        return List.of(containing(Grain.WEEK, day), containing(Grain.MONTH, day), containing(Grain.YEAR, day));
    }
}
