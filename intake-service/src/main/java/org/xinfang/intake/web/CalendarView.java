package org.xinfang.intake.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.xinfang.intake.domain.CalendarYear;
import org.xinfang.intake.domain.DayRange;

/**
 * A calendar year as answered. {@code owner} is {@code national} for the calendar the repository ships (in force
 * until the district saves its own) or the district; a year not published says so in {@code published} and
 * {@code source}.
 */
record CalendarView(String owner, int year, int version, String versionName, boolean published, String source,
                    List<Days> holidays, List<Days> workingDays, Instant savedAt, String savedBy) {

    record Days(String name, LocalDate from, LocalDate to) {
    }

    static CalendarView of(CalendarYear c) {
        return new CalendarView(c.district() == null ? "national" : c.district(), c.year(), c.version(),
                c.versionName(), c.published(), c.source(), days(c.holidays()), days(c.workingDays()), c.savedAt(),
                c.savedBy());
    }

    private static List<Days> days(List<DayRange> ranges) {
        return ranges.stream().map(r -> new Days(r.name(), r.from(), r.to())).toList();
    }
}
