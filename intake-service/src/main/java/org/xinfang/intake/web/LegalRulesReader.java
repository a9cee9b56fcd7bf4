package org.xinfang.intake.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xinfang.intake.domain.DayKind;
import org.xinfang.intake.domain.FieldError;
import org.xinfang.intake.domain.InvalidSettingsException;
import org.xinfang.intake.domain.LegalRules;
import org.xinfang.intake.domain.LegalStep;
import tools.jackson.databind.JsonNode;

/**
 * Reads a district's legal rules from {@code {"zone", "acceptWithin": {"days", "kind"}, "handleWithin": …}}, one entry
 * per step, and checks them whole in {@link LegalRules#proposed}.
 */
final class LegalRulesReader {

    private LegalRulesReader() {
    }

    static LegalRules read(byte[] body, String district, int version, Instant at, String by) {
        JsonNode root = JsonBodies.readObject(body);
        List<FieldError> errors = new ArrayList<>();
        FieldReader f = new FieldReader(root, "", errors);
        Set<String> known = new HashSet<>(Set.of("zone"));
        for (LegalStep step : LegalStep.values()) {
            known.add(step.field());
        }
        f.allowOnly(known);
        String zone = root.has("zone") && root.get("zone").isString() ? root.get("zone").stringValue() : null;
        if (root.has("zone") && !root.get("zone").isString()) {
            f.error("zone", "must be a string such as Asia/Shanghai");
        }
        Map<LegalStep, Integer> days = new EnumMap<>(LegalStep.class);
        Map<LegalStep, DayKind> kinds = new EnumMap<>(LegalStep.class);
        for (LegalStep step : LegalStep.values()) {
            JsonNode limit = root.get(step.field());
            if (limit == null || !limit.isObject()) {
                continue; // reported as missing, with the other rules, by LegalRules.proposed
            }
            FieldReader l = new FieldReader(limit, step.field(), errors);
            l.allowOnly(Set.of("days", "kind"));
            JsonNode n = limit.get("days");
            if (n != null && n.isIntegralNumber() && n.canConvertToInt()) {
                days.put(step, n.intValue());
            } else if (n != null) {
                l.error("days", "must be a whole number");
            }
            DayKind kind = l.choice("kind", DayKind.class, false, Set.of());
            if (kind != null) {
                kinds.put(step, kind);
            }
        }
        try {
            LegalRules rules = LegalRules.proposed(district, version, zone, days, kinds, at, by);
            if (!errors.isEmpty()) {
                throw new InvalidSettingsException(errors);
            }
            return rules;
        } catch (InvalidSettingsException e) {
            List<FieldError> all = new ArrayList<>(errors);
            e.errors().stream().filter(x -> !all.contains(x)).forEach(all::add);
            throw new InvalidSettingsException(all);
        }
    }
}
