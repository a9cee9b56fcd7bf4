package org.xinfang.reporting.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.xinfang.contracts.event.DistrictReportUpdated;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.reporting.domain.Tally;
import org.xinfang.reporting.domain.TallyKey;

/** Turns a district-day tally into the {@link DistrictReportUpdated} snapshot published on the compacted topic. */
final class DistrictSnapshots {

    private DistrictSnapshots() {
    }

    static DistrictReportUpdated of(TallyKey districtDay, Tally tally, Instant at) {
        Map<String, Long> totals = new LinkedHashMap<>(tally.totals());
        putIfMeasured(totals, "hoursToAcceptP50", Tally.percentile(tally.hoursToAccept(), 50));
        putIfMeasured(totals, "hoursToAcceptP90", Tally.percentile(tally.hoursToAccept(), 90));
        putIfMeasured(totals, "hoursToResolveP50", Tally.percentile(tally.hoursToResolve(), 50));
        putIfMeasured(totals, "hoursToResolveP90", Tally.percentile(tally.hoursToResolve(), 90));
        // The id follows the content: folding the same events again republishes the same snapshot under the same id.
        String id = UUID.nameUUIDFromBytes((districtDay.id() + "|" + totals + "|" + tally.counts())
                .getBytes(StandardCharsets.UTF_8)).toString();
        EventMeta meta = new EventMeta(id, DistrictReportUpdated.class.getSimpleName(), EventMeta.CURRENT_SCHEMA_VERSION,
                at, districtDay.district(), null, null);
        return new DistrictReportUpdated(meta, districtDay.period().start(), totals, tally.counts());
    }

    private static void putIfMeasured(Map<String, Long> totals, String name, Long value) {
        if (value != null) {
            totals.put(name, value);
        }
    }
}
