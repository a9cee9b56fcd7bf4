package org.xinfang.intake.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One year of a calendar, one version of it: the statutory holidays and rest days (放假) and the weekend days made
 * working days (调休上班) of the State Council's notice for that year, as a district keeps them. A year whose notice
 * has not been published is kept as not published, with no days: deadlines that reach into it are counted with
 * weekends only and say that their calendar is incomplete. Nothing is ever guessed.
 *
 * @param district the district, or null for the national calendar the repository ships
 * @param source   the notice the days come from (国办发明电〔2024〕12号 …), or why the year is empty
 */
public record CalendarYear(String district, int year, int version, boolean published, String source,
                           List<DayRange> holidays, List<DayRange> workingDays, Instant savedAt, String savedBy) {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    private static final int MAX_NAME = 40;
    private static final int MAX_SOURCE = 200;

    public CalendarYear {
        holidays = List.copyOf(holidays);
        workingDays = List.copyOf(workingDays);
    }

    /** A year with no notice yet: no days, and saying so. */
    public static CalendarYear notPublished(String district, int year) {
        return new CalendarYear(district, year, 0, false,
                "国务院办公厅" + year + "年节假日安排通知尚未录入", List.of(), List.of(), null, null);
    }

    /**
     * A new version from what an administrator sent, checked whole: days in the year (a holiday that starts in the
     * last days of the year before, as 元旦 sometimes does, is allowed), no range that ends before it starts, no two
     * holidays on one day, no day both a holiday and a working day, and shifted working days only on weekends (a
     * weekday is a working day already, so naming it means the entry is wrong).
     *
     * @throws InvalidSettingsException naming every field at fault
     */
    public static CalendarYear proposed(String district, int year, int version, boolean published, String source,
                                        List<DayRange> holidays, List<DayRange> workingDays, Instant savedAt,
                                        String savedBy) {
        List<FieldError> errors = new ArrayList<>();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            errors.add(new FieldError("year", "must be " + FIRST_YEAR + " to " + LAST_YEAR + ", was " + year));
        }
        if (source != null && source.length() > MAX_SOURCE) {
            errors.add(new FieldError("source", "at most " + MAX_SOURCE + " characters"));
        }
        if (!published && (!holidays.isEmpty() || !workingDays.isEmpty())) {
            errors.add(new FieldError("published", "a year whose notice is not published has no days; "
                    + "set published to true or send no days"));
        }
        if (published && holidays.isEmpty()) {
            errors.add(new FieldError("holidays", "a published year names its holidays"));
        }
        if (published && (source == null || source.isBlank())) {
            errors.add(new FieldError("source", "required: the notice the days come from"));
        }
        checkRanges("holidays", holidays, year, errors);
        checkRanges("workingDays", workingDays, year, errors);
        for (int i = 0; i < workingDays.size(); i++) {
            DayRange w = workingDays.get(i);
            if (w.from() == null || w.to() == null) {
                continue;
            }
            for (LocalDate d = w.from(); !d.isAfter(w.to()); d = d.plusDays(1)) {
                if (!weekend(d)) {
                    errors.add(new FieldError("workingDays[" + i + "]", d + " is a weekday, a working day already"));
                }
                for (int j = 0; j < holidays.size(); j++) {
                    DayRange h = holidays.get(j);
                    if (h.from() != null && h.to() != null && h.contains(d)) {
                        errors.add(new FieldError("workingDays[" + i + "]", d + " is also a holiday in holidays["
                                + j + "] (" + h.name() + ")"));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSettingsException(errors);
        }
        return new CalendarYear(district, year, version, published, source, holidays, workingDays, savedAt, savedBy);
    }

    private static void checkRanges(String field, List<DayRange> ranges, int year, List<FieldError> errors) {
        LocalDate earliest = LocalDate.of(year - 1, 12, 1);
        LocalDate latest = LocalDate.of(year, 12, 31);
        for (int i = 0; i < ranges.size(); i++) {
            DayRange r = ranges.get(i);
            String at = field + "[" + i + "]";
            if (r.name() == null || r.name().isBlank() || r.name().length() > MAX_NAME) {
                errors.add(new FieldError(at + ".name", "required, at most " + MAX_NAME + " characters"));
            }
            if (r.from() == null || r.to() == null) {
                errors.add(new FieldError(r.from() == null ? at + ".from" : at + ".to", "required: a date such as "
                        + year + "-10-01"));
                continue;
            }
            if (r.to().isBefore(r.from())) {
                errors.add(new FieldError(at + ".to", "ends (" + r.to() + ") before it starts (" + r.from() + ")"));
                continue;
            }
            if (r.from().isBefore(earliest) || r.to().isAfter(latest)) {
                errors.add(new FieldError(at, "days of " + year + " only (or from December of the year before)"));
            }
            for (int j = 0; j < i; j++) {
                DayRange other = ranges.get(j);
                if (other.from() != null && other.to() != null && !other.to().isBefore(other.from())
                        && r.overlaps(other)) {
                    errors.add(new FieldError(at, "overlaps " + field + "[" + j + "] (" + other.name() + ")"));
                }
            }
        }
    }

    static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    public boolean isHoliday(LocalDate day) {
        return holidays.stream().anyMatch(h -> h.contains(day));
    }

    public boolean isShiftedWorkingDay(LocalDate day) {
        return workingDays.stream().anyMatch(w -> w.contains(day));
    }

    public CalendarYear withVersion(String newDistrict, int newVersion, Instant at, String by) {
        return new CalendarYear(newDistrict, year, newVersion, published, source, holidays, workingDays, at, by);
    }

    /** "national-2026-v1", "d-east-2026-v3", "national-2027-not-published". */
    public String versionName() {
        String owner = district == null ? "national" : district;
        return published ? owner + "-" + year + "-v" + version : owner + "-" + year + "-not-published";
    }
}
