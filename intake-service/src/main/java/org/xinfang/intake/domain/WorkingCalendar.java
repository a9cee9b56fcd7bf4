package org.xinfang.intake.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which days are working days for one district, over the years it has calendars for. A day is a working day when a
 * calendar makes it one (调休上班), not when a calendar makes it a holiday, and otherwise when it is Monday to Friday.
 * A year without a published calendar is counted with weekends only, and said to be so.
 */
public final class WorkingCalendar {

    private final Map<Integer, CalendarYear> years;
    private final String district;

    /** @param years the calendar in force for each year the district has one for (its own, else the national one) */
    public WorkingCalendar(String district, List<CalendarYear> years) {
        this.district = district;
        this.years = new TreeMap<>();
        years.forEach(y -> this.years.put(y.year(), y));
    }

    public boolean isWorkingDay(LocalDate day) {
        // A notice can name days of the neighbouring year (元旦 from 12月30日), so both neighbours are asked.
        for (int year = day.getYear() - 1; year <= day.getYear() + 1; year++) {
            CalendarYear calendar = years.get(year);
            if (calendar != null && calendar.isHoliday(day)) {
                return false;
            }
            if (calendar != null && calendar.isShiftedWorkingDay(day)) {
                return true;
            }
        }
        return !CalendarYear.weekend(day);
    }

    /** The calendar a day of {@code year} is counted by: the one in force, or an empty one saying it is not published. */
    public CalendarYear yearOf(int year) {
        CalendarYear calendar = years.get(year);
        return calendar != null ? calendar : CalendarYear.notPublished(district, year);
    }
}
