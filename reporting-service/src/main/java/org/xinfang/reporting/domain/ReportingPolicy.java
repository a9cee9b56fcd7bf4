package org.xinfang.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The rules reporting measures by: the legal time limits used when an event does not state them (decide on acceptance
 * within {@code acceptWithinDays} of receipt, handle within {@code handleWithinDays} of acceptance, extend by at most
 * {@code extensionMaxDays}; defaults are the national regulations' 15, 60 and 30 days), and the districts' time zone,
 * in which an instant falls on a day, and so on a week, a month and a year.
 */
public record ReportingPolicy(int acceptWithinDays, int handleWithinDays, int extensionMaxDays, ZoneId zone) {

    public static final ZoneId DISTRICTS_ZONE = ZoneId.of("Asia/Shanghai");

    public static final ReportingPolicy NATIONAL_DEFAULTS = new ReportingPolicy(15, 60, 30, DISTRICTS_ZONE);

    public ReportingPolicy {
        if (acceptWithinDays < 1 || handleWithinDays < 1 || extensionMaxDays < 0) {
            throw new IllegalArgumentException("time limits must be positive");
        }
        if (zone == null) {
            throw new IllegalArgumentException("the districts' time zone is required");
        }
    }

    public ReportingPolicy inZone(ZoneId other) {
        return new ReportingPolicy(acceptWithinDays, handleWithinDays, extensionMaxDays, other);
    }

    /** The day {@code at} falls on as the district counts days: a petition received at 07:30 in Beijing is that day's. */
    public LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }
}
