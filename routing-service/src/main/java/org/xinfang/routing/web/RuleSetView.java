package org.xinfang.routing.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.xinfang.routing.domain.Assignment;
import org.xinfang.routing.domain.RuleSet;
import org.xinfang.routing.persistence.RuleSetStore.SavedRuleSet;

/** A rule-set version with its audit facts (absent for the built-in default). */
record RuleSetView(String scope, String district, String school, int version, String versionName,
                   List<String> departments, Map<String, Assignment> assignments, String coordinator,
                   String savedBy, String savedByName, String savedByRole, Instant savedAt, String comment, List<String> changes) {

    static RuleSetView of(RuleSet r) {
        return new RuleSetView(r.scope().key(), r.scope().district(), r.scope().school(), r.version(), r.versionName(),
                List.copyOf(new TreeSet<>(r.departments())), table(r), r.coordinator(), null, null, null, null, null, List.of());
    }

    static RuleSetView of(SavedRuleSet saved) {
        RuleSet r = saved.ruleSet();
        return new RuleSetView(r.scope().key(), r.scope().district(), r.scope().school(), r.version(), r.versionName(),
                List.copyOf(new TreeSet<>(r.departments())), table(r), r.coordinator(), saved.savedBy().subject(), saved.savedBy().name(), saved.savedBy().role(), saved.savedAt(),
                saved.comment(), saved.changes());
    }

    private static Map<String, Assignment> table(RuleSet r) {
        Map<String, Assignment> table = new TreeMap<>();
        r.assignments().forEach((subject, a) -> table.put(subject.name(), a));
        return table;
    }
}
