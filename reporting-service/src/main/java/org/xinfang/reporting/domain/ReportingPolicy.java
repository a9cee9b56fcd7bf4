package org.xinfang.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The rules reporting measures by: the districts' time zone, in which an instant falls on a day, and so on a week, a
 * month and a year. Deadlines are not among them: reporting measures against those intake counted and stated in its
 * events, and never counts one itself.
 */
public record ReportingPolicy(ZoneId zone) {

    public static final ZoneId DISTRICTS_ZONE = ZoneId.of("Asia/Shanghai");

    public static final ReportingPolicy DEFAULTS = new ReportingPolicy(DISTRICTS_ZONE);

    public ReportingPolicy {
        if (zone == null) {
            throw new IllegalArgumentException("the districts' time zone is required");
        }
    }

    public ReportingPolicy inZone(ZoneId other) {
        return new ReportingPolicy(other);
    }

    /** The day {@code at} falls on as the district counts days: a petition received at 07:30 in Beijing is that day's. */
    public LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }
}
