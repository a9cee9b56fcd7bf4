package org.xinfang.reporting.domain;

/**
 * The legal time limits reporting measures against when an event does not state them: decide on acceptance within
 * {@code acceptWithinDays} of receipt, handle within {@code handleWithinDays} of acceptance, extend by at most
 * {@code extensionMaxDays}. Defaults are the national regulations' 15, 60 and 30 days.
 */
public record ReportingPolicy(int acceptWithinDays, int handleWithinDays, int extensionMaxDays) {

    public static final ReportingPolicy NATIONAL_DEFAULTS = new ReportingPolicy(15, 60, 30);

    public ReportingPolicy {
        if (acceptWithinDays < 1 || handleWithinDays < 1 || extensionMaxDays < 0) {
            throw new IllegalArgumentException("time limits must be positive");
        }
    }
}
