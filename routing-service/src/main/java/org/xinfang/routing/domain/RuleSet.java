package org.xinfang.routing.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.xinfang.contracts.vocabulary.Subject;

/**
 * Which department handles which subject, as one versioned document. The default follows section 三(三) of the
 * school's plan; a district or school saves its own when it names or splits departments differently.
 *
 * @param departments every department code the rule set may name
 * @param coordinator the department that joins every petition for liaison, statistics and reporting (办公室),
 *                    or null when a school does not want it listed
 */
public record RuleSet(RuleScope scope, int version, Set<String> departments, Map<Subject, Assignment> assignments,
                      String coordinator) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    public RuleSet {
        departments = departments == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(departments));
        assignments = assignments == null || assignments.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(assignments));
    }

    /** "default-1", "d-east-3", "d-east/s-east-01-2": what a decision records as the rule set it used. */
    public String versionName() {
        return scope.key() + "-" + version;
    }

    public Assignment assignmentFor(Subject subject) {
        Assignment assignment = assignments.get(subject);
        return assignment != null ? assignment : assignments.get(Subject.UNKNOWN);
    }

    public RuleSet withVersion(RuleScope newScope, int newVersion) {
        return new RuleSet(newScope, newVersion, departments, assignments, coordinator);
    }

    /** Every reason this rule set cannot route every petition; empty when it can. */
    public List<RuleViolation> violations() {
        List<RuleViolation> violations = new ArrayList<>();
        if (departments.isEmpty()) {
            violations.add(new RuleViolation("departments", "must name at least one department"));
        }
        for (String code : departments) {
            if (code == null || !CODE.matcher(code).matches()) {
                violations.add(new RuleViolation("departments", "'" + code + "' is not a department code (A-Z, 0-9, _)"));
            }
        }
        for (Subject subject : Subject.values()) {
            Assignment assignment = assignments.get(subject);
            String field = "assignments." + subject.name();
            if (assignment == null || assignment.department() == null || assignment.department().isBlank()) {
                violations.add(new RuleViolation(field + ".department", "every subject needs a department"));
                continue;
            }
            if (!departments.contains(assignment.department())) {
                violations.add(new RuleViolation(field + ".department",
                        "unknown department '" + assignment.department() + "'"));
            }
            for (String co : assignment.coDepartments()) {
                if (!departments.contains(co)) {
                    violations.add(new RuleViolation(field + ".coDepartments", "unknown department '" + co + "'"));
                } else if (co.equals(assignment.department())) {
                    violations.add(new RuleViolation(field + ".coDepartments", "'" + co + "' is already the lead"));
                }
            }
        }
        if (coordinator != null && !departments.contains(coordinator)) {
            violations.add(new RuleViolation("coordinator", "unknown department '" + coordinator + "'"));
        }
        return violations;
    }
}
