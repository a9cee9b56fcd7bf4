package org.xinfang.intake.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xinfang.intake.domain.LegalRules;
import org.xinfang.intake.domain.LegalStep;

/** A district's legal rules as answered: each step's limit by its JSON field, as the administrator sends them. */
record LegalRulesView(String owner, int version, String versionName, String zone, Map<String, Limit> limits,
                      Instant savedAt, String savedBy) {

    record Limit(int days, String kind, String reads) {
    }

    static LegalRulesView of(LegalRules r) {
        Map<String, Limit> limits = new LinkedHashMap<>();
        for (LegalStep step : LegalStep.values()) {
            var l = r.limit(step);
            limits.put(step.field(), new Limit(l.days(), l.kind().name(), step.chinese() + " " + l.chinese()));
        }
        return new LegalRulesView(r.district() == null ? "national" : r.district(), r.version(), r.versionName(),
                r.zone().getId(), limits, r.savedAt(), r.savedBy());
    }
}
