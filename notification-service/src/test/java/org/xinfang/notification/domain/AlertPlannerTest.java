package org.xinfang.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Subject;

class AlertPlannerTest {

    private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    private final AlertPlanner planner = new AlertPlanner(AlertPolicy.plan());

    private static RoutedPetition petition(EmergencyLevel level, List<String> co) {
        return new RoutedPetition("ev-1", "d-east", "s-east-01", "p-1", Subject.HYGIENE, "后勤处", co, level);
    }

    @Test
    void routinePetitionsRaiseNothing() {
        assertThat(planner.plan(petition(EmergencyLevel.ROUTINE, List.of()), NOW)).isEmpty();
    }

    @Test
    void elevatedAsksTheLeaderAndNotifiesEveryResponsibleDepartment() {
        var plan = planner.plan(petition(EmergencyLevel.ELEVATED, List.of("办公室", "后勤处")), NOW).orElseThrow();
        assertThat(plan.alerts()).extracting(Alert::kind, Alert::recipientRole, Alert::department).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertKind.ACTIVATION_REQUEST, RecipientRole.LEADER, null),
                org.assertj.core.groups.Tuple.tuple(AlertKind.DEPARTMENT_NOTICE, RecipientRole.DEPARTMENT, "后勤处"),
                org.assertj.core.groups.Tuple.tuple(AlertKind.DEPARTMENT_NOTICE, RecipientRole.DEPARTMENT, "办公室"));
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
        var rerouted = planner.plan(new RoutedPetition("ev-2", "d-east", "s-east-01", "p-1", Subject.HYGIENE, "后勤处",
                List.of(), EmergencyLevel.ELEVATED), NOW).orElseThrow();
        assertThat(rerouted.incident().incidentId()).isEqualTo(first.incident().incidentId());
        assertThat(rerouted.alerts().get(0).alertId()).isNotEqualTo(first.alerts().get(0).alertId());
    }

    @Test
    void summariesNameTheDecisionNotThePetitioners() {
        var plan = planner.plan(petition(EmergencyLevel.CRITICAL, List.of()), NOW).orElseThrow();
        assertThat(plan.alerts()).allSatisfy(a -> assertThat(a.summary())
                .contains("p-1").contains("卫生").contains("后勤处"));
    }
}
