package org.xinfang.intake.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.xinfang.intake.domain.Deadline;

/**
 * A deadline as answered: when it falls due (24:00 of {@code lastDay} in {@code zone}), the limit it counts
 * ({@code limit} as the regulation writes it: "15日", "5个工作日"), and the rules and calendars it was counted by.
 * {@code calendarComplete} false says a year it reaches had no published calendar, so only weekends were known.
 */
record DeadlineView(String step, String stepName, Instant dueBy, LocalDate lastDay, String zone, String limit,
                    Integer days, String dayKind, List<String> calendarVersions, boolean calendarComplete,
                    String rulesVersion, int pausedDays) {

    static DeadlineView of(Deadline d) {
        if (d == null) {
            return null;
        }
        return new DeadlineView(d.step().name(), d.step().chinese(), d.dueBy(), d.lastDay(), d.zone().getId(),
                d.limit() == null ? null : d.limit().chinese(), d.limit() == null ? null : d.limit().days(),
                d.limit() == null ? null : d.limit().kind().name(), d.calendarVersions(), d.calendarComplete(),
                d.rulesVersion(), d.pausedDays());
    }
}
