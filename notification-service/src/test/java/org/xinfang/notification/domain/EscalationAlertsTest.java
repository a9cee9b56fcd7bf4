package org.xinfang.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.event.Situation;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.contracts.vocabulary.Subject;

/** The plan's 四(4) and 五.1 after an escalation on the spot: the new level's alerts, once per recipient. */
class EscalationAlertsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    private final AlertPlanner planner = new AlertPlanner(AlertPolicy.plan());

    private static final Situation AT_THE_GATE = new Situation("东区一小〔2026〕17号", "东区第一小学", Channel.VISIT,
            Form.GROUP, 12, "学校正门", Set.of(RiskSignal.BLOCKING));
    private static final Situation VIOLENT = new Situation("东区一小〔2026〕17号", "东区第一小学", Channel.VISIT,
            Form.GROUP, 40, "学校正门", Set.of(RiskSignal.BLOCKING, RiskSignal.VIOLENCE));

    private static RoutedPetition onReceipt() {
        return new RoutedPetition("routed-1", "d-east", "s-east-01", "p-1", Subject.HYGIENE, "LOGISTICS", List.of(),
                EmergencyLevel.ELEVATED, AT_THE_GATE);
    }

    private static RoutedPetition escalated(String routedEventId, EmergencyLevel level, Situation situation) {
        return new RoutedPetition(routedEventId, "d-east", "s-east-01", "p-1", Subject.HYGIENE, "LOGISTICS", List.of(),
                level, situation, "escalation-of-" + routedEventId);
    }

    @Test
    void violenceBreakingOutAlertsPolicePrincipalAndBureauButNotTheLeaderAndDepartmentAgain() {
        List<Alert> raised = planner.plan(onReceipt(), NOW).orElseThrow().alerts();
        var plan = planner.planEscalation(escalated("routed-2", EmergencyLevel.CRITICAL, VIOLENT), raised, NOW);

        assertThat(plan.incident().incidentId()).isEqualTo(AlertPlanner.incidentIdOf("p-1"));
        assertThat(plan.incident().level()).isEqualTo(EmergencyLevel.CRITICAL);
        assertThat(plan.incident().actedBeforeApproval()).isTrue();
        assertThat(plan.alerts()).extracting(Alert::kind, Alert::recipientRole).containsExactly(
                tuple(AlertKind.POLICE_ALERT, RecipientRole.POLICE),
                tuple(AlertKind.PRINCIPAL_ALERT, RecipientRole.PRINCIPAL),
                tuple(AlertKind.BUREAU_ALERT, RecipientRole.BUREAU_DUTY));
        Alert police = plan.alerts().get(0);
        assertThat(police.summary()).startsWith("【特别重大】情况升级，东区一小〔2026〕17号：").hasSizeLessThanOrEqualTo(70)
                .contains("公安");
        assertThat(police.details()).startsWith("情况升级：现场情况有变，紧急程度升至特别重大（Ⅰ级）\n")
                .contains("人数：40人").contains("打砸抢烧");
    }

    @Test
    void theSameEscalationDeliveredAgainPlansTheSameAlertsAndALaterOneAtTheSameLevelNoneAtAll() {
        List<Alert> raised = new ArrayList<>(planner.plan(onReceipt(), NOW).orElseThrow().alerts());
        var first = planner.planEscalation(escalated("routed-2", EmergencyLevel.CRITICAL, VIOLENT), raised, NOW);
        raised.addAll(first.alerts());

        var redelivered = planner.planEscalation(escalated("routed-2", EmergencyLevel.CRITICAL, VIOLENT), raised,
                NOW.plusSeconds(5));
        assertThat(redelivered.alerts()).extracting(Alert::alertId)
                .containsExactlyElementsOf(first.alerts().stream().map(Alert::alertId).toList());

        var another = planner.planEscalation(escalated("routed-3", EmergencyLevel.CRITICAL, VIOLENT), raised, NOW);
        assertThat(another.alerts()).as("everyone of the level has been alerted for this incident").isEmpty();
        assertThat(another.incident().level()).isEqualTo(EmergencyLevel.CRITICAL);
    }

    @Test
    void aGroupGrowingToTheHighLevelReachesThePrincipalAtOnce() {
        List<Alert> raised = planner.plan(onReceipt(), NOW).orElseThrow().alerts();
        Situation thirty = new Situation("东区一小〔2026〕17号", "东区第一小学", Channel.VISIT, Form.GROUP, 35, "学校正门",
                Set.of(RiskSignal.BLOCKING));
        var plan = planner.planEscalation(escalated("routed-2", EmergencyLevel.HIGH, thirty), raised, NOW);
        assertThat(plan.alerts()).extracting(Alert::kind, Alert::recipientRole)
                .containsExactly(tuple(AlertKind.PRINCIPAL_ALERT, RecipientRole.PRINCIPAL));
        assertThat(plan.alerts().get(0).summary()).startsWith("【重大】情况升级，");
        assertThat(plan.incident().actedBeforeApproval()).isFalse();
    }

    @Test
    void aGroupAtTheHighLevelOnReceiptHasThePrincipalAlertedWithTheLeaderNotOnlyThroughTheChain() {
        Situation forty = new Situation("东区一小〔2026〕18号", "东区第一小学", Channel.VISIT, Form.GROUP, 40, "学校正门",
                Set.of());
        var plan = planner.plan(new RoutedPetition("routed-9", "d-east", "s-east-01", "p-9", Subject.HYGIENE,
                "LOGISTICS", List.of(), EmergencyLevel.HIGH, forty), NOW).orElseThrow();
        assertThat(plan.alerts()).extracting(Alert::kind).containsExactly(AlertKind.ACTIVATION_REQUEST,
                AlertKind.DEPARTMENT_NOTICE, AlertKind.PRINCIPAL_ALERT);
        // An individual petition at the high level (escalated alone) stays with the leader and the chain.
        Situation one = new Situation("东区一小〔2026〕19号", "东区第一小学", Channel.VISIT, Form.INDIVIDUAL, 1, null,
                Set.of());
        var individual = planner.plan(new RoutedPetition("routed-10", "d-east", "s-east-01", "p-10", Subject.HYGIENE,
                "LOGISTICS", List.of(), EmergencyLevel.HIGH, one), NOW).orElseThrow();
        assertThat(individual.alerts()).extracting(Alert::kind).doesNotContain(AlertKind.PRINCIPAL_ALERT);
    }
}
