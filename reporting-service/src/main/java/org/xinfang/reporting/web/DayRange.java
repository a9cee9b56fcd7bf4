package org.xinfang.reporting.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.xinfang.reporting.domain.Period;

/** The checks every report request goes through: the caller's tenancy headers and the date range. */
final class Tenancy {

    private Tenancy() {
    }

    static String required(String header, String value) {
        if (value == null || value.isBlank()) {
            throw Problem.invalid(header, "header is required");
        }
        return value;
    }

    /** The path names a tenant; the caller must be that tenant, or the answer is "not found". */
    static void mustBe(String header, String callerValue, String pathValue) {
        required(header, callerValue);
        if (!callerValue.equals(pathValue)) {
            throw Problem.notFound("no report " + pathValue + " for this caller");
        }
    }

    record Range(LocalDate from, LocalDate to) {
    }

    static Range range(String from, String to, LocalDate today) {
        LocalDate start = from == null ? null : date("from", from);
        LocalDate end = to == null ? null : date("to", to);
        if (start == null && end == null) {
            return new Range(today, today);
        }
        if (start == null) {
            start = end;
        }
        if (end == null) {
            end = start;
        }
        if (end.isBefore(start)) {
            throw Problem.invalid("to", "must not be before from");
        }
        if (start.plusDays(Period.MAX_RANGE_DAYS).isBefore(end)) {
            throw Problem.invalid("to", "range longer than " + Period.MAX_RANGE_DAYS + " days");
        }
        return new Range(start, end);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problem.invalid(field, "expected a date YYYY-MM-DD");
        }
    }
}
