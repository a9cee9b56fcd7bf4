package org.xinfang.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.xinfang.contracts.event.Situation;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Subject;

class AlertPlannerTest {

    private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    private final AlertPlanner planner = new AlertPlanner(AlertPolicy.plan());
    static final Situation SITUATION = new Situation("东区一小〔2026〕17号", "东区第一小学", Channel.VISIT, Form.GROUP, 12,
            "学校正门", Set.of(RiskSignal.BLOCKING));

    private static RoutedPetition petition(EmergencyLevel level, List<String> co) {
        return new RoutedPetition("ev-1", "d-east", "s-east-01", "p-1", Subject.HYGIENE, "LOGISTICS", co, level,
                SITUATION);
    }

    @Test
    void routinePetitionsRaiseNothing() {
        assertThat(planner.plan(petition(EmergencyLevel.ROUTINE, List.of()), NOW)).isEmpty();
    }

    @Test
    void elevatedAsksTheLeaderAndNotifiesEveryResponsibleDepartment() {
        var plan = planner.plan(petition(EmergencyLevel.ELEVATED, List.of("GENERAL_OFFICE", "LOGISTICS")), NOW).orElseThrow();
        assertThat(plan.alerts()).extracting(Alert::kind, Alert::recipientRole, Alert::department).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertKind.ACTIVATION_REQUEST, RecipientRole.LEADER, null),
                org.assertj.core.groups.Tuple.tuple(AlertKind.DEPARTMENT_NOTICE, RecipientRole.DEPARTMENT, "LOGISTICS"),
                org.assertj.core.groups.Tuple.tuple(AlertKind.DEPARTMENT_NOTICE, RecipientRole.DEPARTMENT, "GENERAL_OFFICE"));
        assertThat(plan.incident().actedBeforeApproval()).isFalse();
    }

    @Test
    void criticalAlertsPoliceThePrincipalAndTheBureauAtOnceAndAsksTheLeaderToConfirm() {
        var plan = planner.plan(petition(EmergencyLevel.CRITICAL, List.of()), NOW).orElseThrow();
        assertThat(plan.alerts()).extracting(Alert::kind).containsExactly(AlertKind.POLICE_ALERT,
                AlertKind.PRINCIPAL_ALERT, AlertKind.BUREAU_ALERT, AlertKind.ACTIVATION_REQUEST);
        assertThat(plan.alerts()).extracting(Alert::recipientRole).containsExactly(RecipientRole.POLICE,
                RecipientRole.PRINCIPAL, RecipientRole.BUREAU_DUTY, RecipientRole.LEADER);
        assertThat(plan.incident().actedBeforeApproval()).isTrue();
    }

    @Test
    void planningTheSameEventTwiceGivesTheSameIds() {
        var first = planner.plan(petition(EmergencyLevel.CRITICAL, List.of()), NOW).orElseThrow();
        var again = planner.plan(petition(EmergencyLevel.CRITICAL, List.of()), NOW.plusSeconds(30)).orElseThrow();
        assertThat(again.alerts()).extracting(Alert::alertId)
                .containsExactlyElementsOf(first.alerts().stream().map(Alert::alertId).toList())
                .doesNotHaveDuplicates();
        assertThat(again.incident().incidentId()).isEqualTo(first.incident().incidentId());
    }

    @Test
    void aNewRoutingDecisionForTheSamePetitionKeepsTheIncidentButRaisesNewAlerts() {
        var first = planner.plan(petition(EmergencyLevel.ELEVATED, List.of()), NOW).orElseThrow();
        var rerouted = planner.plan(new RoutedPetition("ev-2", "d-east", "s-east-01", "p-1", Subject.HYGIENE, "LOGISTICS",
                List.of(), EmergencyLevel.ELEVATED, SITUATION), NOW).orElseThrow();
        assertThat(rerouted.incident().incidentId()).isEqualTo(first.incident().incidentId());
        assertThat(rerouted.alerts().get(0).alertId()).isNotEqualTo(first.alerts().get(0).alertId());
    }

    @Test
    void summariesNameTheDecisionNotThePetitioners() {
        var plan = planner.plan(petition(EmergencyLevel.CRITICAL, List.of()), NOW).orElseThrow();
        assertThat(plan.alerts()).allSatisfy(a -> {
            assertThat(a.summary()).contains("东区一小〔2026〕17号").contains("学校正门").contains("12人集体访")
                    .hasSizeLessThanOrEqualTo(70).doesNotContainPattern("[A-Z_]{4,}");
            assertThat(a.details()).contains("东区第一小学").contains("卫生").contains("后勤处")
                    .contains("特别重大（Ⅰ级）").doesNotContainPattern("[A-Z_]{4,}");
        });
    }
}
