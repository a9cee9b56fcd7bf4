package org.xinfang.intake.domain;

/** A legal limit: so many days of a kind, counted from the day after the event that starts it. */
public record TimeLimit(int days, DayKind kind) {

    public static TimeLimit calendarDays(int days) {
        return new TimeLimit(days, DayKind.CALENDAR_DAYS);
    }

    public static TimeLimit workingDays(int days) {
        return new TimeLimit(days, DayKind.WORKING_DAYS);
    }

    public TimeLimit withDays(int other) {
        return new TimeLimit(other, kind);
    }

    /** "15日", "5个工作日": the limit as the regulation writes it. */
    public String chinese() {
        return kind == DayKind.WORKING_DAYS ? days + "个工作日" : days + "日";
    }
}
