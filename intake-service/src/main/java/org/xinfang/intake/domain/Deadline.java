package org.xinfang.intake.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A legal deadline as it was counted, kept with everything it was counted by, so that a later change of the rules or
 * the calendar never moves it silently.
 *
 * @param dueBy            24:00 of {@code lastDay} in {@code zone}: a step taken before this instant is on time
 * @param eventDay         the day of the event that opened the period (not counted)
 * @param calendarVersions the calendar of every year the period touched, as {@link CalendarYear#versionName()}
 * @param calendarComplete false when one of those years had no published calendar (weekends only were known)
 * @param pausedDays       days a hearing took out of the period
 */
public record Deadline(LegalStep step, Instant dueBy, LocalDate eventDay, LocalDate lastDay, TimeLimit limit,
                       ZoneId zone, List<String> calendarVersions, boolean calendarComplete, String rulesVersion,
                       int pausedDays) {

    public Deadline {
        calendarVersions = List.copyOf(calendarVersions);
    }
}
