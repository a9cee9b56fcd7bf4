package org.xinfang.routing.web;

import org.xinfang.kit.web.ApiProblem;
import org.xinfang.kit.web.FieldReason;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.routing.domain.Assignment;
import org.xinfang.routing.domain.RuleScope;
import org.xinfang.routing.domain.RuleSet;
import org.xinfang.routing.domain.RuleViolation;

/**
 * A rule set as an administrator saves it: the complete table, never a patch, so each version stands on its own.
 *
 * @param baseVersion the version this edit starts from (0 when the scope has none yet); a save based on an outdated
 *                    version is refused with 409 instead of silently overwriting someone else's change
 */
record RuleSetRequest(Integer baseVersion, List<String> departments, Map<String, AssignmentBody> assignments,
                      String coordinator, String comment) {

    record AssignmentBody(String department, List<String> coDepartments) {
    }

    static final int MAX_COMMENT = 500;

    /** The rule set described, or every problem with it. */
    RuleSet toRuleSet(RuleScope scope) {
        List<FieldReason> problems = new ArrayList<>();
        if (baseVersion == null || baseVersion < 0) {
            problems.add(new FieldReason("baseVersion", "required: the version this edit starts from, 0 for none"));
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            problems.add(new FieldReason("comment", "at most " + MAX_COMMENT + " characters"));
        }
        Set<String> codes = new LinkedHashSet<>();
        if (departments == null) {
            problems.add(new FieldReason("departments", "required"));
        } else {
            for (String d : departments) {
                if (d == null) {
                    problems.add(new FieldReason("departments", "must not contain null"));
                } else {
                    codes.add(d);
                }
            }
        }
        Map<Subject, Assignment> table = new EnumMap<>(Subject.class);
        if (assignments == null) {
            problems.add(new FieldReason("assignments", "required"));
        } else {
            assignments.forEach((key, body) -> {
                Subject subject = subjectOf(key);
                if (subject == null) {
                    problems.add(new FieldReason("assignments." + key, "unknown subject"));
                } else if (body == null) {
                    problems.add(new FieldReason("assignments." + key, "required"));
                } else {
                    List<String> co = body.coDepartments() == null ? List.of()
                            : body.coDepartments().stream().filter(c -> c != null).toList();
                    table.put(subject, new Assignment(body.department(), co));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        RuleSet ruleSet = new RuleSet(scope, baseVersion + 1, codes, table, coordinator);
        List<RuleViolation> violations = ruleSet.violations();
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations.stream()
                    .map(v -> new FieldReason(v.field(), v.reason())).toList());
        }
        return ruleSet;
    }

    private static Subject subjectOf(String key) {
        for (Subject s : Subject.values()) {
            if (s.name().equals(key)) {
                return s;
            }
        }
        return null;
    }
}
