package org.xinfang.contracts.event;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.xinfang.contracts.vocabulary.DigestPeriod;

/**
 * A scheduled digest of a district's figures (daily or weekly), handed by reporting to notification, which delivers
 * it to the bureau's subscribers. {@code from} and {@code to} are inclusive days. The event id is derived from
 * (district, period, from), so a digest rebuilt or re-sent for the same period is recognised as the same one.
 * No petitioner identity ever appears here.
 */
public record ReportDigestReady(
        EventMeta meta,
        DigestPeriod period,
        LocalDate from,
        LocalDate to,
        Map<String, Long> totals,
        @OptionalField Map<String, Map<String, Long>> counts,
        @OptionalField List<OverduePetition> overdue) implements PipelineEvent {

    public ReportDigestReady {
        Required.present(meta, "meta");
        Required.present(period, "period");
        Required.present(from, "from");
        Required.present(to, "to");
        Required.present(totals, "totals");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("field 'to' must not be before 'from'");
        }
        totals = Map.copyOf(totals);
        counts = counts == null ? Map.of() : Map.copyOf(counts);
        overdue = overdue == null ? List.of() : List.copyOf(overdue);
    }

    /** The stable event id of the digest of {@code district} for the period starting on {@code from}. */
    public static String idFor(String district, DigestPeriod period, LocalDate from) {
        return java.util.UUID.nameUUIDFromBytes(("ReportDigestReady|" + district + "|" + period + "|" + from)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
