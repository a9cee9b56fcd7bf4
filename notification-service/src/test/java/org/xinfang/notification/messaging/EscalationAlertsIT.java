package org.xinfang.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xinfang.notification.Fixtures.DISTRICT;
import static org.xinfang.notification.Fixtures.SCHOOL;
import static org.xinfang.notification.Fixtures.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.event.AlertRaised;
import org.xinfang.contracts.event.Deadlines;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.event.Situation;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.notification.Fixtures;
import org.xinfang.notification.ServiceIT;

/**
 * Escalation on the spot over the real broker and store (the plan's 四(4)): routing's decision after an escalation
 * alerts at once whoever the new level needs and nobody already alerted for the incident; redelivered, it alerts
 * nobody again; the incident takes the new level.
 */
class EscalationAlertsIT extends ServiceIT {

    private static final Situation AT_THE_GATE = new Situation("东区一小〔2026〕17号", "东区第一小学", Channel.VISIT,
            Form.GROUP, 12, "学校正门", Set.of(RiskSignal.BLOCKING));

    @Test
    void violenceBreakingOutAlertsPolicePrincipalAndBureauOnceAndRaisesTheIncident() {
        String petitionId = "p-" + UUID.randomUUID();
        String receivedEventId = UUID.randomUUID().toString();
        PetitionRouted onReceipt = decision(petitionId, receivedEventId, EmergencyLevel.ELEVATED, AT_THE_GATE, null);
        tap.publish(Topics.PETITION_ROUTED, onReceipt);
        await("the leader asked and the department told", Duration.ofSeconds(30), () -> alerts(petitionId).size() >= 2);

        String escalationId = UUID.randomUUID().toString();
        PetitionRouted escalated = decision(petitionId, receivedEventId, EmergencyLevel.CRITICAL,
                AT_THE_GATE.escalated(40, Set.of(RiskSignal.VIOLENCE)), escalationId);
        tap.publish(Topics.PETITION_ROUTED, escalated);
        tap.publish(Topics.PETITION_ROUTED, escalated);
        await("police, principal and bureau alerted", Duration.ofSeconds(30), () -> alerts(petitionId).size() >= 5);
        // Another escalation to the same level (a second report of the same fight) alerts nobody new.
        tap.publish(Topics.PETITION_ROUTED, decision(petitionId, receivedEventId, EmergencyLevel.CRITICAL,
                AT_THE_GATE.escalated(45, Set.of(RiskSignal.VIOLENCE)), UUID.randomUUID().toString()));

        List<AlertRaised> raised = tap.collect(Topics.ALERT_RAISED, e -> petitionId.equals(e.meta().petitionId()),
                Duration.ofSeconds(5));
        List<Map<String, Object>> stored = alerts(petitionId);
        assertThat(stored).extracting(a -> a.get("kind") + "/" + a.get("recipientRole") + "/" + a.get("level"))
                .containsExactlyInAnyOrder("ACTIVATION_REQUEST/LEADER/ELEVATED", "DEPARTMENT_NOTICE/DEPARTMENT/ELEVATED",
                        "POLICE_ALERT/POLICE/CRITICAL", "PRINCIPAL_ALERT/PRINCIPAL/CRITICAL",
                        "BUREAU_ALERT/BUREAU_DUTY/CRITICAL");
        assertThat(raised.stream().map(AlertRaised::alertId).collect(Collectors.toSet()))
                .as("each alert published, none twice under another id")
                .containsExactlyInAnyOrderElementsOf(stored.stream().map(a -> (String) a.get("alertId")).toList());
        Map<String, Object> police = stored.stream().filter(a -> "POLICE".equals(a.get("recipientRole"))).findFirst()
                .orElseThrow();
        assertThat((String) police.get("summary")).startsWith("【特别重大】情况升级，");

        web.get().uri("/api/v1/incidents/{id}", police.get("incidentId"))
                .header("Authorization", Fixtures.bearer(SCHOOL, Role.CLERK))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.petitionId").isEqualTo(petitionId)
                .jsonPath("$.level").isEqualTo("CRITICAL")
                .jsonPath("$.actedBeforeApproval").isEqualTo(true);
    }

    @Test
    void aRoutinePetitionEscalatedToTheHighLevelOpensItsIncidentAndReachesThePrincipalAtOnce() {
        String petitionId = "p-" + UUID.randomUUID();
        String receivedEventId = UUID.randomUUID().toString();
        Situation three = new Situation("东区一小〔2026〕18号", "东区第一小学", Channel.VISIT, Form.GROUP, 3, "学校正门",
                Set.of());
        tap.publish(Topics.PETITION_ROUTED, decision(petitionId, receivedEventId, EmergencyLevel.ROUTINE, three, null));
        tap.publish(Topics.PETITION_ROUTED, decision(petitionId, receivedEventId, EmergencyLevel.HIGH,
                three.escalated(35, Set.of()), UUID.randomUUID().toString()));
        await("the high level's alerts", Duration.ofSeconds(30), () -> alerts(petitionId).size() >= 3);
        assertThat(alerts(petitionId)).extracting(a -> a.get("kind") + "/" + a.get("recipientRole"))
                .containsExactlyInAnyOrder("ACTIVATION_REQUEST/LEADER", "DEPARTMENT_NOTICE/DEPARTMENT",
                        "PRINCIPAL_ALERT/PRINCIPAL");
    }

    private static PetitionRouted decision(String petitionId, String receivedEventId, EmergencyLevel level,
                                           Situation situation, String escalatedEventId) {
        Instant now = Instant.now();
        return new PetitionRouted(EventMeta.forPetition(PetitionRouted.class, DISTRICT, SCHOOL, petitionId, now),
                receivedEventId, Subject.HYGIENE, "后勤处", List.of(), level, List.of("test"), "test-rules",
                new Deadlines(now.plus(Duration.ofDays(15)), 60, 30), situation, escalatedEventId);
    }
}
