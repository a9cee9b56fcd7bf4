package org.xinfang.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xinfang.notification.Fixtures.SCHOOL;
import static org.xinfang.notification.Fixtures.await;
import static org.xinfang.notification.Fixtures.routed;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.xinfang.contracts.event.AlertRaised;
import org.xinfang.contracts.event.EmergencyActivationDecided;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.access.Role;
import org.xinfang.notification.Fixtures;
import org.xinfang.notification.ServiceIT;

/** The leader's decision on activating the plan, and the scene record, through the API over the real store and broker. */
class IncidentActivationIT extends ServiceIT {

    private static final String LEADER = Fixtures.subject(SCHOOL, Role.LEADER);

    private String incidentOf(PetitionRouted event) {
        String petitionId = event.meta().petitionId();
        await("the petition's alerts", Duration.ofSeconds(30), () -> !alerts(petitionId).isEmpty());
        return (String) alerts(petitionId).get(0).get("incidentId");
    }

    private static Map<String, Object> decision(boolean approved, String reason) {
        return Map.of("approved", approved, "reason", reason);
    }

    @Test
    void approvalAnswersTheRequestAndSendsEveryResponsibleDepartmentToTheScene() {
        PetitionRouted event = routed(EmergencyLevel.ELEVATED, "后勤处", List.of("办公室"));
        tap.publish(Topics.PETITION_ROUTED, event);
        String petitionId = event.meta().petitionId();
        String incidentId = incidentOf(event);

        web.post().uri("/api/v1/incidents/{id}/activation", incidentId)
                .header("Authorization", Fixtures.handler(SCHOOL, "LOGISTICS"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(decision(true, "同意"))
                .exchange().expectStatus().isForbidden();
        as(web.post().uri("/api/v1/incidents/{id}/activation", incidentId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(decision(true, "同意")), Role.CLERK)
                .exchange().expectStatus().isForbidden();

        as(web.post().uri("/api/v1/incidents/{id}/activation", incidentId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(decision(true, "同意启动预案")), Role.LEADER)
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.activation").isEqualTo("APPROVED")
                .jsonPath("$.decision.by").isEqualTo(LEADER)
                .jsonPath("$.decision.role").isEqualTo("LEADER")
                .jsonPath("$.timeline[0].action").isEqualTo("ACTIVATION_APPROVED")
                .jsonPath("$.timeline[0].by").isEqualTo(LEADER)
                .jsonPath("$.timeline[0].name").isEqualTo("leader of " + SCHOOL)
                .jsonPath("$.timeline[0].role").isEqualTo("LEADER");

        EmergencyActivationDecided decided = tap.awaitOne(Topics.EMERGENCY_ACTIVATION_DECIDED,
                e -> incidentId.equals(e.incidentId()), Duration.ofSeconds(10));
        assertThat(decided.approved()).isTrue();
        assertThat(decided.decidedBy()).isEqualTo(LEADER);

        await("scene notices for both departments", Duration.ofSeconds(10), () -> alerts(petitionId).stream()
                .filter(a -> "DEPARTMENT_NOTICE".equals(a.get("kind"))).count() == 4);
        List<Map<String, Object>> all = alerts(petitionId);
        assertThat(all).filteredOn(a -> "ACTIVATION_REQUEST".equals(a.get("kind")))
                .singleElement().satisfies(a -> {
                    assertThat(a.get("state")).isEqualTo("ACKNOWLEDGED");
                    assertThat(a.get("acknowledgedBy")).isEqualTo(LEADER);
                    assertThat(a.get("acknowledgedRole")).isEqualTo("LEADER");
                });
        List<String> sceneNotices = all.stream().filter(a -> String.valueOf(a.get("summary")).contains("赶赴现场"))
                .map(a -> (String) a.get("department")).toList();
        assertThat(sceneNotices).containsExactlyInAnyOrder("后勤处", "办公室");
        List<AlertRaised> raised = tap.collect(Topics.ALERT_RAISED, e -> petitionId.equals(e.meta().petitionId())
                && e.summary().contains("赶赴现场"), Duration.ofSeconds(2));
        assertThat(raised).hasSize(2);

        as(web.post().uri("/api/v1/incidents/{id}/activation", incidentId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(decision(false, "再议")), Role.DEPUTY_LEADER)
                .exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void aDeclinedActivationSendsNobodyToTheScene() {
        PetitionRouted event = routed(EmergencyLevel.HIGH, "教导处", List.of());
        tap.publish(Topics.PETITION_ROUTED, event);
        String incidentId = incidentOf(event);
        as(web.post().uri("/api/v1/incidents/{id}/activation", incidentId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(decision(false, "已现场化解")), Role.DEPUTY_LEADER)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.activation").isEqualTo("DECLINED")
                .jsonPath("$.decision.role").isEqualTo("DEPUTY_LEADER");
        EmergencyActivationDecided decided = tap.awaitOne(Topics.EMERGENCY_ACTIVATION_DECIDED,
                e -> incidentId.equals(e.incidentId()), Duration.ofSeconds(10));
        assertThat(decided.approved()).isFalse();
        assertThat(alerts(event.meta().petitionId())).noneMatch(a -> String.valueOf(a.get("summary")).contains("赶赴现场"));
    }

    @Test
    void theSceneRecordKeepsWhoDidWhatAndWhenOncePerRequest() {
        PetitionRouted event = routed(EmergencyLevel.ELEVATED, "后勤处", List.of());
        tap.publish(Topics.PETITION_ROUTED, event);
        String incidentId = incidentOf(event);
        for (int attempt = 0; attempt < 2; attempt++) {
            as(web.post().uri("/api/v1/incidents/{id}/timeline", incidentId)
                    .header("Idempotency-Key", "arrived-1")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("action", "ARRIVED", "note", "后勤处三人到场")), Role.CLERK)
                    .exchange().expectStatus().isOk();
        }
        web.post().uri("/api/v1/incidents/{id}/timeline", incidentId)
                .header("Authorization", Fixtures.bearer(Role.BUREAU_DUTY_OFFICER))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("action", "PERSUADED_TO_RETURN"))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.timeline.length()").isEqualTo(2)
                .jsonPath("$.timeline[0].action").isEqualTo("ARRIVED")
                .jsonPath("$.timeline[0].by").isEqualTo(Fixtures.subject(SCHOOL, Role.CLERK))
                .jsonPath("$.timeline[0].role").isEqualTo("CLERK")
                .jsonPath("$.timeline[0].at").isNotEmpty()
                .jsonPath("$.timeline[1].action").isEqualTo("PERSUADED_TO_RETURN")
                .jsonPath("$.timeline[1].by").isEqualTo("u-bureau_duty_officer")
                .jsonPath("$.timeline[1].role").isEqualTo("BUREAU_DUTY_OFFICER");

        as(web.post().uri("/api/v1/incidents/{id}/timeline", incidentId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("action", "ACTIVATION_APPROVED")), Role.LEADER)
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("action");
        as(web.post().uri("/api/v1/incidents/{id}/timeline", incidentId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("action", "DANCED")), Role.LEADER)
                .exchange().expectStatus().isBadRequest();
        web.post().uri("/api/v1/incidents/{id}/timeline", incidentId)
                .header("Authorization", Fixtures.bearer("s-east-02", Role.LEADER))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("action", "ARRIVED"))
                .exchange().expectStatus().isNotFound();
        as(web.post().uri("/api/v1/incidents/{id}/activation", incidentId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "x")), Role.LEADER)
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("approved");
    }
}
