package org.xinfang.notification.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.xinfang.contracts.vocabulary.DigestPeriod;

/**
 * A district's periodic digest as reporting hands it over: totals, counts by dimension, and the petitions past a legal
 * limit, named by id, school and department only. Its id is the digest event's id, stable per district, period and
 * first day, so a digest sent again is recognised as the same one.
 */
public record Digest(String digestId, String district, DigestPeriod period, LocalDate from, LocalDate to,
                     Map<String, Long> totals, Map<String, Map<String, Long>> counts, List<Overdue> overdue) {

    /** A petition past a legal limit: no petitioner, only where it stands. */
    public record Overdue(String petitionId, String school, String department, String limit, Instant dueAt) {
    }

    public Digest {
        totals = Map.copyOf(totals);
        counts = counts == null ? Map.of() : Map.copyOf(counts);
        overdue = overdue == null ? List.of() : List.copyOf(overdue);
    }
}
