package org.xinfang.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xinfang.notification.Fixtures.DISTRICT;
import static org.xinfang.notification.Fixtures.SCHOOL;
import static org.xinfang.notification.Fixtures.await;
import static org.xinfang.notification.Fixtures.routed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.event.AlertRaised;
import org.xinfang.contracts.event.EmergencyActivationRequested;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.access.Role;
import org.xinfang.notification.Fixtures;
import org.xinfang.notification.ServiceIT;

/** Routed petitions in over the real broker, alerts stored in the real store, events out on the real topics. */
class RoutedPetitionAlertsIT extends ServiceIT {

    @Test
    void aCriticalPetitionAlertsEachRequiredContactExactlyOnceEvenWhenRedelivered() {
        PetitionRouted event = routed(EmergencyLevel.CRITICAL, "后勤处", List.of());
        String petitionId = event.meta().petitionId();
        tap.publish(Topics.PETITION_ROUTED, event);
        tap.publish(Topics.PETITION_ROUTED, event);

        await("four alerts stored", Duration.ofSeconds(30), () -> alerts(petitionId).size() >= 4);
        List<Map<String, Object>> stored = alerts(petitionId);
        assertThat(stored).extracting(a -> a.get("recipientRole"))
                .containsExactlyInAnyOrder("POLICE", "PRINCIPAL", "BUREAU_DUTY", "LEADER");
        assertThat(stored).extracting(a -> a.get("kind"))
                .containsExactlyInAnyOrder("POLICE_ALERT", "PRINCIPAL_ALERT", "BUREAU_ALERT", "ACTIVATION_REQUEST");
        assertThat(stored).allSatisfy(a -> assertThat(a.get("state")).isEqualTo("OPEN"));

        // Each delivery is published, but under the same derived event ids: consumers see four distinct events.
        List<AlertRaised> raised = tap.collect(Topics.ALERT_RAISED,
                e -> petitionId.equals(e.meta().petitionId()), Duration.ofSeconds(3));
        Set<String> eventIds = raised.stream().map(e -> e.meta().eventId()).collect(Collectors.toSet());
        assertThat(eventIds).hasSize(4);
        assertThat(raised.stream().map(AlertRaised::alertId).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(stored.stream().map(a -> (String) a.get("alertId")).toList());

        EmergencyActivationRequested request = tap.awaitOne(Topics.EMERGENCY_ACTIVATION_REQUESTED,
                e -> petitionId.equals(e.meta().petitionId()), Duration.ofSeconds(10));
        assertThat(request.actedBeforeApproval()).isTrue();
        assertThat(request.level()).isEqualTo(EmergencyLevel.CRITICAL);

        web.get().uri("/api/v1/incidents/{id}", request.incidentId())
                .header("Authorization", Fixtures.bearer(SCHOOL, Role.CLERK))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.petitionId").isEqualTo(petitionId)
                .jsonPath("$.actedBeforeApproval").isEqualTo(true)
                .jsonPath("$.activation").isEqualTo("REQUESTED");
    }

    @Test
    void anElevatedPetitionAsksTheLeaderAndNotifiesEachResponsibleDepartment() {
        PetitionRouted event = routed(EmergencyLevel.ELEVATED, "后勤处", List.of("办公室"));
        String petitionId = event.meta().petitionId();
        tap.publish(Topics.PETITION_ROUTED, event);

        await("three alerts stored", Duration.ofSeconds(30), () -> alerts(petitionId).size() >= 3);
        assertThat(alerts(petitionId)).extracting(a -> a.get("kind") + "/" + a.get("recipientRole") + "/" + a.get("department"))
                .containsExactlyInAnyOrder("ACTIVATION_REQUEST/LEADER/null", "DEPARTMENT_NOTICE/DEPARTMENT/后勤处",
                        "DEPARTMENT_NOTICE/DEPARTMENT/办公室");
        EmergencyActivationRequested request = tap.awaitOne(Topics.EMERGENCY_ACTIVATION_REQUESTED,
                e -> petitionId.equals(e.meta().petitionId()), Duration.ofSeconds(10));
        assertThat(request.actedBeforeApproval()).isFalse();
    }

    @Test
    void anotherSchoolSeesNoneOfTheAlertsNorTheIncident() {
        PetitionRouted event = routed(EmergencyLevel.HIGH, "教导处", List.of());
        String petitionId = event.meta().petitionId();
        tap.publish(Topics.PETITION_ROUTED, event);
        await("alerts stored", Duration.ofSeconds(30), () -> alerts(petitionId).size() >= 2);

        web.get().uri("/api/v1/alerts?petitionId={id}", petitionId)
                .header("Authorization", Fixtures.bearer("s-east-02", Role.CLERK))
                .exchange().expectStatus().isOk().expectBody().json("[]");
        String incidentId = (String) alerts(petitionId).get(0).get("incidentId");
        web.get().uri("/api/v1/incidents/{id}", incidentId)
                .header("Authorization", Fixtures.bearer("s-east-02", Role.CLERK))
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
    }

    @Test
    void aRoutinePetitionRaisesNoAlert() {
        PetitionRouted routine = routed(EmergencyLevel.ROUTINE, "教导处", List.of());
        // A later decision for the same petition (same key, same partition, so consumed after the routine one).
        PetitionRouted raised = new PetitionRouted(org.xinfang.contracts.event.EventMeta.forPetition(PetitionRouted.class,
                DISTRICT, SCHOOL, routine.meta().petitionId(), java.time.Instant.now()), routine.receivedEventId(),
                routine.subject(), routine.department(), List.of(), EmergencyLevel.ELEVATED, List.of(), "test-rules",
                routine.deadlines());
        tap.publish(Topics.PETITION_ROUTED, routine);
        tap.publish(Topics.PETITION_ROUTED, raised);
        String petitionId = routine.meta().petitionId();
        await("the later decision's alerts", Duration.ofSeconds(30), () -> alerts(petitionId).size() >= 2);
        assertThat(alerts(petitionId)).hasSize(2).allSatisfy(a -> assertThat(a.get("level")).isEqualTo("ELEVATED"));
    }

    @Test
    void anUnreadableRecordIsDeadLetteredWithItsReasonAndTheConsumerCarriesOn() {
        String key = "p-poison-" + System.nanoTime();
        tap.publishRaw(Topics.PETITION_ROUTED.name(), key, "{\"not\":\"an event\"".getBytes(StandardCharsets.UTF_8));
        PetitionRouted after = routed(EmergencyLevel.ELEVATED, "后勤处", List.of());
        tap.publish(Topics.PETITION_ROUTED, after);

        var dead = tap.collectRaw(Topics.PETITION_ROUTED.deadLetterName(), r -> key.equals(r.key()), Duration.ofSeconds(10));
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader("x-dead-letter-reason").value(), StandardCharsets.UTF_8))
                .isNotBlank();
        await("the next petition is handled", Duration.ofSeconds(30), () -> alerts(after.meta().petitionId()).size() >= 2);
    }

    @Test
    void requestsWithoutATokenOrPetitionAreRefusedWithProblemDetails() {
        web.get().uri("/api/v1/alerts?petitionId=p-1").header("X-District", DISTRICT).header("X-School", SCHOOL)
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
        web.get().uri("/api/v1/alerts").header("Authorization", Fixtures.bearer(SCHOOL, Role.CLERK))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("petitionId");
    }

    @Test
    void healthProbesPrometheusAndRequestIdAreServed() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.store.status").isEqualTo("UP");
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
        web.get().uri("/api/v1/alerts?petitionId=p-x").header("Authorization", Fixtures.bearer(SCHOOL, Role.CLERK))
                .header("X-Request-Id", "req-42").exchange().expectHeader().valueEquals("X-Request-Id", "req-42");
    }
}
