package org.xinfang.reporting.web;

import org.xinfang.kit.web.ApiProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.xinfang.reporting.domain.Period;

/** A request's range of days: today when neither end is given, one day when only one is, at most a bounded span. */
record DayRange(LocalDate from, LocalDate to) {

    static DayRange of(String from, String to, LocalDate today) {
        LocalDate start = from == null ? null : date("from", from);
        LocalDate end = to == null ? null : date("to", to);
        if (start == null && end == null) {
            return new DayRange(today, today);
        }
        if (start == null) {
            start = end;
        }
        if (end == null) {
            end = start;
        }
        if (end.isBefore(start)) {
            throw ApiProblem.invalid("to", "must not be before from");
        }
        if (start.plusDays(Period.MAX_RANGE_DAYS).isBefore(end)) {
            throw ApiProblem.invalid("to", "range longer than " + Period.MAX_RANGE_DAYS + " days");
        }
        return new DayRange(start, end);
    }

    private static LocalDate date(String field, String value) {
        if (value.length() > 10) {
            throw ApiProblem.invalid(field, "expected a date YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(field, "expected a date YYYY-MM-DD");
        }
    }
}
