package org.xinfang.contracts.event;

import java.time.LocalDate;
import java.util.List;

/**
 * How intake counted a deadline, so that a reader can show it and never needs to count again: the step, the last
 * day of the period in the district's zone (the deadline is 24:00 of it), the limit and its kind of days, and the
 * rules and calendars it was counted by. {@code calendarComplete} is false when a year the period reaches had no
 * published holiday calendar, so only weekends were known.
 *
 * @param dayKind {@code CALENDAR_DAYS} or {@code WORKING_DAYS}
 */
public record DeadlineBasis(
        String step,
        LocalDate lastDay,
        String zone,
        Integer days,
        String dayKind,
        @OptionalField List<String> calendarVersions,
        Boolean calendarComplete,
        String rulesVersion) {

    public DeadlineBasis {
        Required.text(step, "step");
        Required.present(lastDay, "lastDay");
        Required.text(zone, "zone");
        Required.present(days, "days");
        Required.text(dayKind, "dayKind");
        Required.present(calendarComplete, "calendarComplete");
        Required.text(rulesVersion, "rulesVersion");
        calendarVersions = calendarVersions == null ? List.of() : List.copyOf(calendarVersions);
    }
}
