package org.xinfang.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xinfang.notification.Fixtures.await;
import static org.xinfang.notification.Fixtures.routed;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.notification.Fixtures;
import org.xinfang.notification.HttpReceiver;
import org.xinfang.notification.ServiceIT;
import tools.jackson.databind.JsonNode;

/**
 * The grouping window (xinfang.notification.noise.group-wait, 2 s on this context): non-critical alerts to the same
 * person within the window go out as one notification; a critical alert to the same address never waits for it.
 */
class GroupingWindowIT extends ServiceIT {

    private List<HttpReceiver.Received> calls(String path) {
        return RECEIVER.accepted().stream().filter(r -> r.path().equals(path)).toList();
    }

    private List<Map<String, Object>> deliveries(String school, String alertId) {
        return web.get().uri("/api/v1/alerts/{id}/deliveries", alertId)
                .header("Authorization", Fixtures.bearer(school, Role.CLERK)).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
    }

    @Test
    void nonCriticalAlertsToOnePersonWithinTheWindowGoOutAsOneNotification() throws Exception {
        String school = "s-group-01";
        String path = "/group/" + school + "/logistics";
        putContact(school, "logistics", Map.of("role", "DEPARTMENT", "department", "LOGISTICS", "name", "后勤处长",
                "webhookUrl", RECEIVER.url(path))).expectStatus().isOk();
        List<PetitionRouted> events = List.of(routed(school, EmergencyLevel.ELEVATED, "LOGISTICS", List.of()),
                routed(school, EmergencyLevel.HIGH, "LOGISTICS", List.of()),
                routed(school, EmergencyLevel.ELEVATED, "LOGISTICS", List.of()));
        events.forEach(e -> tap.publish(Topics.PETITION_ROUTED, e));

        await("one grouped notification", Duration.ofSeconds(30), () -> calls(path).size() == 1
                && events.stream().allMatch(e -> calls(path).get(0).text().contains(e.meta().petitionId())));
        HttpReceiver.Received call = calls(path).get(0);
        JsonNode body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(call.body());
        assertThat(body.get("count").asInt()).isEqualTo(3);
        assertThat(call.header("Idempotency-Key")).isEqualTo(body.get("groupId").asString());
        assertThat(call.header("X-Xinfang-Signature")).startsWith("sha256=");

        // Each alert's delivery is recorded as delivered, by the one message.
        for (PetitionRouted event : events) {
            String notice = (String) alerts(school, event.meta().petitionId()).stream()
                    .filter(a -> "DEPARTMENT_NOTICE".equals(a.get("kind"))).findFirst().orElseThrow().get("alertId");
            await("delivered", Duration.ofSeconds(10), () -> deliveries(school, notice).stream()
                    .anyMatch(d -> "DELIVERED".equals(d.get("state"))));
        }
        Thread.sleep(2500);
        assertThat(calls(path)).hasSize(1);
    }

    @Test
    void aCriticalAlertNeverWaitsForTheWindowOfTheSameAddress() {
        String school = "s-group-02";
        String path = "/group/" + school + "/shared";
        // One person, two hats: the same address as a department head and as the police liaison.
        putContact(school, "logistics", Map.of("role", "DEPARTMENT", "department", "LOGISTICS", "name", "后勤处长",
                "webhookUrl", RECEIVER.url(path))).expectStatus().isOk();
        putContact(school, "police", Map.of("role", "POLICE", "name", "派出所", "webhookUrl", RECEIVER.url(path)))
                .expectStatus().isOk();
        PetitionRouted elevated = routed(school, EmergencyLevel.ELEVATED, "LOGISTICS", List.of());
        PetitionRouted critical = routed(school, EmergencyLevel.CRITICAL, "LOGISTICS", List.of());
        tap.publish(Topics.PETITION_ROUTED, elevated);
        tap.publish(Topics.PETITION_ROUTED, critical);

        await("both reach the address", Duration.ofSeconds(30), () -> calls(path).size() == 2);
        List<HttpReceiver.Received> received = calls(path);
        assertThat(received.get(0).text()).contains(critical.meta().petitionId()).contains("POLICE_ALERT");
        assertThat(received.get(1).text()).contains(elevated.meta().petitionId()).contains("DEPARTMENT_NOTICE");
        // The critical one left at once; the other waited for its window to close.
        assertThat(Duration.between(received.get(0).receivedAt(), received.get(1).receivedAt()))
                .isGreaterThan(Duration.ofMillis(500));
    }
}
