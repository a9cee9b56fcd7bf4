package org.xinfang.intake.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts legal periods as the law counts them, for one district: the period starts on the day after its event (the
 * day of receipt or acceptance does not count), every day counts for a limit in calendar days and only working days
 * for one in working days, a hearing's days do not count where the step says so, and the period ends at 24:00 of its
 * last day in the district's zone. A last day that is a holiday or rest day moves to the end of the next working day.
 * The one place where a deadline of the suite is computed.
 */
public final class LegalClock {

    private final LegalRules rules;
    private final WorkingCalendar calendar;

    public LegalClock(LegalRules rules, WorkingCalendar calendar) {
        this.rules = rules;
        this.calendar = calendar;
    }

    public LegalRules rules() {
        return rules;
    }

    /** The district's day an instant falls on: 23:59 and 00:01 in Beijing are two days, one UTC date. */
    public LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, rules.zone());
    }

    /** The step's limit from the rules, counted from the day of {@code event}. */
    public Deadline count(LegalStep step, Instant event) {
        return count(step, rules.limit(step), dayOf(event), List.of());
    }

    /** A review's or re-review's answer: the hearings' days left out. */
    public Deadline count(LegalStep step, Instant event, List<HearingPause> hearings) {
        return count(step, rules.limit(step), dayOf(event), step.pausedByHearings() ? hearings : List.of());
    }

    /** An extension of {@code days}, counted on from the last day of the running limit. */
    public Deadline extend(Deadline running, int days) {
        return count(LegalStep.EXTENSION, rules.limit(LegalStep.EXTENSION).withDays(days), running.lastDay(), List.of());
    }

    Deadline count(LegalStep step, TimeLimit limit, LocalDate eventDay, List<HearingPause> hearings) {
        LocalDate day = eventDay;
        int counted = 0;
        int paused = 0;
        while (counted < limit.days()) {
            day = day.plusDays(1);
            if (paused(day, hearings)) {
                paused++;
            } else if (limit.kind() == DayKind.CALENDAR_DAYS || calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        while (!calendar.isWorkingDay(day) || paused(day, hearings)) {
            day = day.plusDays(1);
        }
        List<String> versions = new ArrayList<>();
        boolean complete = true;
        for (int year = eventDay.plusDays(1).getYear(); year <= day.getYear(); year++) {
            CalendarYear used = calendar.yearOf(year);
            versions.add(used.versionName());
            complete &= used.published();
        }
        Instant dueBy = day.plusDays(1).atStartOfDay(rules.zone()).toInstant();
        return new Deadline(step, dueBy, eventDay, day, limit, rules.zone(), versions, complete,
                rules.versionName(), paused);
    }

    private static boolean paused(LocalDate day, List<HearingPause> hearings) {
        return hearings.stream().anyMatch(h -> h.covers(day));
    }
}
