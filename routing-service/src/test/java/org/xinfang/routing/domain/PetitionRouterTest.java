package org.xinfang.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.contracts.vocabulary.Subject;

class PetitionRouterTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-02T01:14:30Z");
    private final PetitionRouter router = new PetitionRouter(SubjectClassifier.standard(), RiskDetector.standard(),
            new LevelRules(LevelThresholds.defaults()));

    @Test
    void theClerksSubjectWinsOverTheText() {
        RoutingDecision d = router.route(facts(Subject.TEACHER_PAY, "食堂卫生太差", "食堂卫生太差"), DefaultRuleSet.create());
        assertThat(d.subject()).isEqualTo(Subject.TEACHER_PAY);
        assertThat(d.department()).isEqualTo("LOGISTICS");
        assertThat(d.reasons()).first().isEqualTo("事项类别「劳动工资」由登记人选定");
    }

    @Test
    void anUnknownSubjectGoesToTheGeneralOffice() {
        RoutingDecision d = router.route(facts(null, "想见校长", "有事想当面谈"), DefaultRuleSet.create());
        assertThat(d.subject()).isEqualTo(Subject.UNKNOWN);
        assertThat(d.department()).isEqualTo("GENERAL_OFFICE");
        assertThat(d.coDepartments()).isEmpty();
    }

    @Test
    void leadAndCoDepartmentsFollowThePlansTableWithTheOfficeCoordinating() {
        RoutingDecision d = router.route(facts(null, "转学手续办不下来", "孩子转学的手续一直办不下来"), DefaultRuleSet.create());
        assertThat(d.subject()).isEqualTo(Subject.TRANSFER);
        assertThat(d.department()).isEqualTo("ACADEMIC_AFFAIRS");
        assertThat(d.coDepartments()).containsExactly("PRINCIPAL_OFFICE", "GENERAL_OFFICE");
        assertThat(d.ruleSetVersion()).isEqualTo("default-1");
    }

    @Test
    void riskFoundInTheTextIsAddedToTheClerksAndMakesItCritical() {
        PetitionToRoute facts = new PetitionToRoute(Form.GROUP, 12, false, null, "家长反映食堂卫生",
                "家长在校门口聚集，有人砸坏了门卫室的玻璃", Set.of(RiskSignal.BLOCKING), RECEIVED);
        RoutingDecision d = router.route(facts, DefaultRuleSet.create());
        assertThat(d.riskSignals()).containsExactlyInAnyOrder(RiskSignal.BLOCKING, RiskSignal.VIOLENCE);
        assertThat(d.level()).isEqualTo(EmergencyLevel.CRITICAL);
        assertThat(d.reasons()).contains("登记人标注风险：堵门或扰乱教学秩序").anyMatch(r -> r.contains("「砸坏」 → 打砸抢烧"));
    }

    @Test
    void aSchoolsRuleSetDecidesTheDepartmentAndIsNamedInTheDecision() {
        Map<Subject, Assignment> table = new EnumMap<>(DefaultRuleSet.create().assignments());
        table.put(Subject.HYGIENE, new Assignment("CANTEEN_COMMITTEE", java.util.List.of("LOGISTICS")));
        Set<String> departments = new java.util.HashSet<>(DefaultRuleSet.DEPARTMENTS);
        departments.add("CANTEEN_COMMITTEE");
        RuleSet school = new RuleSet(RuleScope.school("d-east", "s-east-01"), 3, departments, table, null);
        RoutingDecision d = router.route(facts(null, "食堂饭菜变质", "饭菜变质"), school);
        assertThat(d.department()).isEqualTo("CANTEEN_COMMITTEE");
        assertThat(d.coDepartments()).containsExactly("LOGISTICS");
        assertThat(d.ruleSetVersion()).isEqualTo("d-east/s-east-01-3");
    }

    private static PetitionToRoute facts(Subject subject, String title, String description) {
        return new PetitionToRoute(Form.INDIVIDUAL, 1, false, subject, title, description, Set.of(), RECEIVED);
    }
}
