package org.xinfang.contracts.event;

import java.time.LocalDate;
import java.util.Map;

/**
 * A district's aggregate for one day, keyed by district on a compacted topic so the latest snapshot per district
 * survives. {@code counts} maps a dimension (school, subject, department, form, level, channel, state) to counts
 * per value; {@code totals} holds scalar figures (received, groupHeadcount, escalated, openEmergencies …).
 * No petitioner identity ever appears here.
 */
public record DistrictReportUpdated(
        EventMeta meta,
        LocalDate day,
        Map<String, Long> totals,
        @OptionalField Map<String, Map<String, Long>> counts) implements PipelineEvent {

    public DistrictReportUpdated {
        Required.present(meta, "meta");
        Required.present(day, "day");
        Required.present(totals, "totals");
        totals = Map.copyOf(totals);
        counts = counts == null ? Map.of() : Map.copyOf(counts);
    }
}
