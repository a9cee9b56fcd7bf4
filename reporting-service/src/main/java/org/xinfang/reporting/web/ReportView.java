package org.xinfang.reporting.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xinfang.reporting.domain.Tally;

/**
 * A report as answered over HTTP. {@code timings} holds the median and 90th percentile of whole hours from receipt to
 * the acceptance decision and to resolution, and how many petitions were measured.
 */
record ReportView(String district, String school, LocalDate from, LocalDate to, Map<String, Long> totals,
                  Map<String, Map<String, Long>> counts, Map<String, Map<String, Long>> timings) {

    static ReportView of(String district, String school, LocalDate from, LocalDate to, Tally tally) {
        Map<String, Map<String, Long>> timings = new LinkedHashMap<>();
        timings.put("hoursToAccept", timing(tally.hoursToAccept()));
        timings.put("hoursToResolve", timing(tally.hoursToResolve()));
        return new ReportView(district, school, from, to, tally.totals(), tally.counts(), timings);
    }

    ReportView onlyBy(java.util.List<String> dimensions) {
        Map<String, Map<String, Long>> kept = new LinkedHashMap<>();
        dimensions.forEach(d -> kept.put(d, counts.getOrDefault(d, Map.of())));
        return new ReportView(district, school, from, to, totals, kept, timings);
    }

    private static Map<String, Long> timing(Map<Long, Long> distribution) {
        Map<String, Long> timing = new LinkedHashMap<>();
        timing.put("measured", distribution.values().stream().mapToLong(Long::longValue).sum());
        timing.put("p50", Tally.percentile(distribution, 50));
        timing.put("p90", Tally.percentile(distribution, 90));
        return timing;
    }
}
