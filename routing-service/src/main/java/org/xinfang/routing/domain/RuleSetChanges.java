package org.xinfang.routing.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.xinfang.contracts.vocabulary.Subject;

/** What a new rule-set version changes against the one it replaces, in words an auditor reads. */
public final class RuleSetChanges {

    private RuleSetChanges() {
    }

    public static List<String> between(RuleSet before, RuleSet after) {
        List<String> changes = new ArrayList<>();
        TreeSet<String> added = new TreeSet<>(after.departments());
        added.removeAll(before.departments());
        TreeSet<String> removed = new TreeSet<>(before.departments());
        removed.removeAll(after.departments());
        if (!added.isEmpty()) {
            changes.add("departments added: " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            changes.add("departments removed: " + String.join(", ", removed));
        }
        for (Subject subject : Subject.values()) {
            Assignment was = before.assignmentFor(subject);
            Assignment now = after.assignmentFor(subject);
            if (!Objects.equals(was, now)) {
                changes.add(subject + ": " + describe(was) + " → " + describe(now));
            }
        }
        if (!Objects.equals(before.coordinator(), after.coordinator())) {
            changes.add("coordinator: " + before.coordinator() + " → " + after.coordinator());
        }
        if (changes.isEmpty()) {
            changes.add("no change against " + before.versionName());
        }
        return changes;
    }

    private static String describe(Assignment a) {
        if (a == null) {
            return "none";
        }
        return a.coDepartments().isEmpty() ? a.department() : a.department() + " with " + String.join(", ", a.coDepartments());
    }
}
