package org.xinfang.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xinfang.notification.Fixtures.DISTRICT;
import static org.xinfang.notification.Fixtures.await;
import static org.xinfang.notification.Fixtures.routed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.access.Role;
import org.xinfang.notification.Fixtures;
import org.xinfang.notification.ServiceIT;

/** Silences and inhibition hold back non-critical deliveries, with the reason recorded; critical ones always go. */
class NoiseControlIT extends ServiceIT {

    private void contact(String school, String id, Map<String, Object> body) {
        putContact(school, id, body).expectStatus().isOk();
    }

    private List<Map<String, Object>> deliveriesOf(String school, String petitionId, String kind) {
        String alertId = (String) alerts(school, petitionId).stream().filter(a -> kind.equals(a.get("kind")))
                .findFirst().orElseThrow().get("alertId");
        return web.get().uri("/api/v1/alerts/{id}/deliveries", alertId)
                .header("Authorization", Fixtures.bearer(school, Role.LEADER)).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
    }

    @Test
    void aSilenceQuietsNonCriticalAlertsButNeverCriticalOnes() {
        String school = "s-noise-01";
        contact(school, "leader", Map.of("role", "LEADER", "name", "组长", "webhookUrl", RECEIVER.url("/noise/leader")));
        contact(school, "police", Map.of("role", "POLICE", "name", "派出所", "webhookUrl", RECEIVER.url("/noise/police")));
        web.post().uri("/api/v1/silences").header("Authorization", Fixtures.bearer(school, Role.LEADER))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("endsAt", Instant.now().plus(Duration.ofHours(1)).toString(), "comment", "已在处置"))
                .exchange().expectStatus().isCreated();

        PetitionRouted elevated = routed(school, EmergencyLevel.ELEVATED, "后勤处", List.of());
        PetitionRouted critical = routed(school, EmergencyLevel.CRITICAL, "后勤处", List.of());
        tap.publish(Topics.PETITION_ROUTED, elevated);
        tap.publish(Topics.PETITION_ROUTED, critical);

        await("the critical alert reaches the police despite the silence", Duration.ofSeconds(20), () -> RECEIVER
                .accepted().stream().anyMatch(r -> r.text().contains(critical.meta().petitionId())));
        await("the silenced request is recorded as held back", Duration.ofSeconds(20), () -> !alerts(school,
                elevated.meta().petitionId()).isEmpty()
                && deliveriesOf(school, elevated.meta().petitionId(), "ACTIVATION_REQUEST").stream()
                        .anyMatch(d -> "HELD_BACK".equals(d.get("state"))));
        assertThat((String) deliveriesOf(school, elevated.meta().petitionId(), "ACTIVATION_REQUEST").get(0).get("lastError"))
                .startsWith("silenced");
        assertThat(RECEIVER.accepted()).noneMatch(r -> r.text().contains(elevated.meta().petitionId()));
    }

    @Test
    void anOpenCriticalAlertInhibitsTheSamePetitionsLowerAlerts() {
        String school = "s-noise-02";
        contact(school, "logistics", Map.of("role", "DEPARTMENT", "department", "后勤处", "name", "后勤处长",
                "webhookUrl", RECEIVER.url("/noise/logistics")));
        PetitionRouted critical = routed(school, EmergencyLevel.CRITICAL, "后勤处", List.of());
        String petitionId = critical.meta().petitionId();
        tap.publish(Topics.PETITION_ROUTED, critical);
        await("the critical alerts", Duration.ofSeconds(20), () -> alerts(school, petitionId).size() >= 4);

        // Routing decides again for the same petition, one level lower (same key: consumed after the first).
        PetitionRouted lower = new PetitionRouted(EventMeta.forPetition(PetitionRouted.class, DISTRICT, school,
                petitionId, Instant.now()), critical.receivedEventId(), critical.subject(), "后勤处", List.of(),
                EmergencyLevel.ELEVATED, List.of(), "test-rules", critical.deadlines());
        tap.publish(Topics.PETITION_ROUTED, lower);
        await("the lower notice is held back", Duration.ofSeconds(20), () -> alerts(school, petitionId).stream()
                .anyMatch(a -> "DEPARTMENT_NOTICE".equals(a.get("kind")))
                && deliveriesOf(school, petitionId, "DEPARTMENT_NOTICE").stream()
                        .anyMatch(d -> "HELD_BACK".equals(d.get("state"))));
        assertThat((String) deliveriesOf(school, petitionId, "DEPARTMENT_NOTICE").get(0).get("lastError"))
                .startsWith("inhibited");
        assertThat(RECEIVER.accepted()).noneMatch(r -> r.path().equals("/noise/logistics"));
    }

    @Test
    void theSameNotificationIsNotRepeatedWithinTheIntervalButTheOrderToGoToTheSceneIs() {
        String school = "s-noise-04";
        contact(school, "logistics", Map.of("role", "DEPARTMENT", "department", "后勤处", "name", "后勤处长",
                "webhookUrl", RECEIVER.url("/noise/repeat")));
        PetitionRouted first = routed(school, EmergencyLevel.ELEVATED, "后勤处", List.of());
        String petitionId = first.meta().petitionId();
        tap.publish(Topics.PETITION_ROUTED, first);
        await("the first notice is delivered", Duration.ofSeconds(20), () -> RECEIVER.accepted().stream()
                .anyMatch(r -> r.path().equals("/noise/repeat") && r.text().contains(petitionId)));

        // Routing decides again, unchanged (a new event, so new alerts): the department is not called twice.
        PetitionRouted again = new PetitionRouted(EventMeta.forPetition(PetitionRouted.class, DISTRICT, school,
                petitionId, Instant.now()), first.receivedEventId(), first.subject(), "后勤处", List.of(),
                EmergencyLevel.ELEVATED, List.of(), "test-rules", first.deadlines());
        tap.publish(Topics.PETITION_ROUTED, again);
        await("the repeated notice is held back", Duration.ofSeconds(20), () -> alerts(school, petitionId).stream()
                .filter(a -> "DEPARTMENT_NOTICE".equals(a.get("kind"))).count() == 2
                && alerts(school, petitionId).stream().filter(a -> "DEPARTMENT_NOTICE".equals(a.get("kind")))
                        .anyMatch(a -> heldBackAsRepeat(school, (String) a.get("alertId"))));

        String incidentId = (String) alerts(school, petitionId).get(0).get("incidentId");
        web.post().uri("/api/v1/incidents/{id}/activation", incidentId)
                .header("Authorization", Fixtures.bearer(school, Role.LEADER))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("approved", true)).exchange().expectStatus().isOk();
        await("the order to go to the scene reaches the department", Duration.ofSeconds(20), () -> RECEIVER.accepted()
                .stream().filter(r -> r.path().equals("/noise/repeat") && r.text().contains(petitionId)).count() == 2);
        assertThat(RECEIVER.accepted().stream().filter(r -> r.path().equals("/noise/repeat")).map(r -> r.text()))
                .anyMatch(text -> text.contains("赶赴现场"));
    }

    private boolean heldBackAsRepeat(String school, String alertId) {
        List<Map<String, Object>> found = web.get().uri("/api/v1/alerts/{id}/deliveries", alertId)
                .header("Authorization", Fixtures.bearer(school, Role.CLERK)).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
        return found.stream().anyMatch(d -> "HELD_BACK".equals(d.get("state"))
                && String.valueOf(d.get("lastError")).startsWith("repeat"));
    }

    @Test
    void silencesNeedAnEndTimeAndARoleThatMaySetThem() {
        web.post().uri("/api/v1/silences").header("Authorization", Fixtures.handler("s-noise-03", "LOGISTICS"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("endsAt", Instant.now().plusSeconds(60).toString())).exchange().expectStatus().isForbidden();
        web.post().uri("/api/v1/silences").header("Authorization", Fixtures.bearer("s-noise-03", Role.LEADER))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("endsAt", "tomorrow")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("endsAt");
    }
}
