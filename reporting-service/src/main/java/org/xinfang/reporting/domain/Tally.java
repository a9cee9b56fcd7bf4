package org.xinfang.reporting.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The figures of one school or district over one period: scalar totals, counts per value of each dimension, and the
 * distributions of hours to accept and to resolve. Everything in it adds up exactly, so a week is the sum of its
 * days and a district the sum of its schools; medians and 90th percentiles are read off the merged distributions
 * (nearest rank), never averaged.
 */
public final class Tally {

    /** Every scalar figure, always present (zero when nothing happened) so readers see a stable shape. */
    public static final List<String> TOTALS = List.of(
            "received", "groupPetitions", "groupHeadcount", "headcount", "escalated", "routed",
            "accepted", "notAccepted", "resolved",
            "acceptDeadlineMet", "acceptDeadlineMissed", "handleDeadlineMet", "handleDeadlineMissed",
            "emergenciesRequested", "emergenciesApproved", "emergenciesDeclined", "openEmergencies", "alerts");

    /** Dimensions petitions are counted by; {@code alertKind} counts alerts rather than petitions. */
    public static final List<String> DIMENSIONS = List.of(
            "school", "subject", "department", "form", "level", "channel", "state", "alertKind");

    private final Map<String, Long> totals = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> counts = new TreeMap<>();
    private final Map<Long, Long> hoursToAccept = new TreeMap<>();
    private final Map<Long, Long> hoursToResolve = new TreeMap<>();

    public Tally() {
        TOTALS.forEach(t -> totals.put(t, 0L));
    }

    /** Rebuilds a stored tally; unknown totals are kept, so an older reader does not drop a newer writer's figures. */
    public static Tally of(Map<String, Long> totals, Map<String, Map<String, Long>> counts,
                           Map<Long, Long> hoursToAccept, Map<Long, Long> hoursToResolve) {
        Tally tally = new Tally();
        tally.totals.putAll(totals);
        counts.forEach((dimension, values) -> {
            if (!values.isEmpty()) {
                tally.counts.put(dimension, new TreeMap<>(values));
            }
        });
        tally.hoursToAccept.putAll(hoursToAccept);
        tally.hoursToResolve.putAll(hoursToResolve);
        return tally;
    }

    public Tally add(PetitionOutcome o) {
        bump("received", 1);
        bump("headcount", o.headcount());
        if ("GROUP".equals(o.form())) {
            bump("groupPetitions", 1);
            bump("groupHeadcount", o.headcount());
        }
        bump("escalated", o.escalated() ? 1 : 0);
        bump("routed", o.routed() ? 1 : 0);
        bump("accepted", o.accepted() ? 1 : 0);
        bump("notAccepted", o.notAccepted() ? 1 : 0);
        bump("resolved", o.resolved() ? 1 : 0);
        verdict(o.acceptedInTime(), "acceptDeadlineMet", "acceptDeadlineMissed");
        verdict(o.handledInTime(), "handleDeadlineMet", "handleDeadlineMissed");
        bump("emergenciesRequested", o.emergenciesRequested());
        bump("emergenciesApproved", o.emergenciesApproved());
        bump("emergenciesDeclined", o.emergenciesDeclined());
        bump("openEmergencies", o.openEmergencies());
        count("school", o.school(), 1);
        count("subject", o.subject(), 1);
        count("department", o.department(), 1);
        count("form", o.form(), 1);
        count("level", o.level(), 1);
        count("channel", o.channel(), 1);
        count("state", o.state(), 1);
        o.alertsByKind().forEach((kind, n) -> {
            count("alertKind", kind, n);
            bump("alerts", n);
        });
        if (o.hoursToAccept() != null) {
            hoursToAccept.merge(o.hoursToAccept(), 1L, Long::sum);
        }
        if (o.hoursToResolve() != null) {
            hoursToResolve.merge(o.hoursToResolve(), 1L, Long::sum);
        }
        return this;
    }

    public Tally merge(Tally other) {
        other.totals.forEach((k, v) -> totals.merge(k, v, Long::sum));
        other.counts.forEach((dimension, values) -> values.forEach((value, n) -> count(dimension, value, n)));
        other.hoursToAccept.forEach((h, n) -> hoursToAccept.merge(h, n, Long::sum));
        other.hoursToResolve.forEach((h, n) -> hoursToResolve.merge(h, n, Long::sum));
        return this;
    }

    public Map<String, Long> totals() {
        return Collections.unmodifiableMap(totals);
    }

    public Map<String, Map<String, Long>> counts() {
        Map<String, Map<String, Long>> view = new LinkedHashMap<>();
        DIMENSIONS.forEach(d -> view.put(d, Collections.unmodifiableMap(counts.getOrDefault(d, Map.of()))));
        counts.forEach(view::putIfAbsent);
        return Collections.unmodifiableMap(view);
    }

    public Map<Long, Long> hoursToAccept() {
        return Collections.unmodifiableMap(hoursToAccept);
    }

    public Map<Long, Long> hoursToResolve() {
        return Collections.unmodifiableMap(hoursToResolve);
    }

    public long total(String name) {
        return totals.getOrDefault(name, 0L);
    }

    /** Nearest-rank percentile of a distribution of whole hours; null when nothing has been measured. */
    public static Long percentile(Map<Long, Long> distribution, int percent) {
        long n = distribution.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * n));
        long seen = 0;
        for (Map.Entry<Long, Long> e : new TreeMap<>(distribution).entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("unreachable: rank beyond distribution");
    }

    private void bump(String total, long by) {
        totals.merge(total, by, Long::sum);
    }

    private void verdict(Boolean inTime, String met, String missed) {
        if (inTime != null) {
            bump(inTime ? met : missed, 1);
        }
    }

    private void count(String dimension, String value, long by) {
        counts.computeIfAbsent(dimension, d -> new TreeMap<>()).merge(value, by, Long::sum);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tally t && totals.equals(t.totals) && counts.equals(t.counts)
                && hoursToAccept.equals(t.hoursToAccept) && hoursToResolve.equals(t.hoursToResolve);
    }

    @Override
    public int hashCode() {
        return Objects.hash(totals, counts, hoursToAccept, hoursToResolve);
    }

    @Override
    public String toString() {
        return "Tally" + totals + counts;
    }
}
