package org.xinfang.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.vocabulary.Subject;

class RuleSetTest {

    @Test
    void theDefaultFollowsThePlanAndIsValid() {
        RuleSet rules = DefaultRuleSet.create();
        assertThat(rules.violations()).isEmpty();
        assertThat(rules.assignmentFor(Subject.ENROLLMENT)).isEqualTo(new Assignment("ACADEMIC_AFFAIRS", List.of("PRINCIPAL_OFFICE")));
        assertThat(rules.assignmentFor(Subject.RETIRED_CADRES)).isEqualTo(new Assignment("PARTY_BRANCH", List.of("UNION")));
        assertThat(rules.assignmentFor(Subject.EDUCATION_FEES).department()).isEqualTo("PARTY_BRANCH");
        assertThat(rules.assignmentFor(Subject.EPIDEMIC).department()).isEqualTo("LOGISTICS");
        assertThat(rules.assignmentFor(Subject.STUDENT_INJURY).department()).isEqualTo("YOUNG_PIONEERS");
        assertThat(rules.assignmentFor(Subject.NEIGHBOUR_DISPUTES).department()).isEqualTo("GENERAL_OFFICE");
        assertThat(rules.assignmentFor(Subject.UNKNOWN).department()).isEqualTo("GENERAL_OFFICE");
    }

    @Test
    void everySubjectNeedsAKnownDepartment() {
        Map<Subject, Assignment> table = new EnumMap<>(DefaultRuleSet.create().assignments());
        table.remove(Subject.HYGIENE);
        table.put(Subject.EPIDEMIC, new Assignment("HEALTH_ROOM", List.of()));
        table.put(Subject.TRANSFER, new Assignment("ACADEMIC_AFFAIRS", List.of("ACADEMIC_AFFAIRS", "NOBODY")));
        RuleSet rules = new RuleSet(RuleScope.district("d-east"), 1, DefaultRuleSet.DEPARTMENTS, table, "OFFICE");
        assertThat(rules.violations()).containsExactlyInAnyOrder(
                new RuleViolation("assignments.HYGIENE.department", "every subject needs a department"),
                new RuleViolation("assignments.EPIDEMIC.department", "unknown department 'HEALTH_ROOM'"),
                new RuleViolation("assignments.TRANSFER.coDepartments", "'ACADEMIC_AFFAIRS' is already the lead"),
                new RuleViolation("assignments.TRANSFER.coDepartments", "unknown department 'NOBODY'"),
                new RuleViolation("coordinator", "unknown department 'OFFICE'"));
    }

    @Test
    void departmentCodesHaveOneShape() {
        Set<String> departments = new HashSet<>(DefaultRuleSet.DEPARTMENTS);
        departments.add("后勤处");
        RuleSet rules = new RuleSet(RuleScope.district("d-east"), 1, departments, DefaultRuleSet.create().assignments(), null);
        assertThat(rules.violations()).extracting(RuleViolation::reason).containsExactly("'后勤处' is not a department code (A-Z, 0-9, _)");
    }

    @Test
    void versionNamesSayWhoseRuleSetItIs() {
        assertThat(DefaultRuleSet.create().versionName()).isEqualTo("default-1");
        assertThat(DefaultRuleSet.create().withVersion(RuleScope.district("d-east"), 4).versionName()).isEqualTo("d-east-4");
        assertThat(DefaultRuleSet.create().withVersion(RuleScope.school("d-east", "s-1"), 2).versionName()).isEqualTo("d-east/s-1-2");
    }
}
