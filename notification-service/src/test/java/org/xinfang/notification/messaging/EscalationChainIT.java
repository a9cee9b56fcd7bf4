package org.xinfang.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xinfang.notification.Fixtures.DISTRICT;
import static org.xinfang.notification.Fixtures.SCHOOL;
import static org.xinfang.notification.Fixtures.await;
import static org.xinfang.notification.Fixtures.routed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.event.AlertAcknowledged;
import org.xinfang.contracts.event.AlertEscalated;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.MutableClock;
import org.xinfang.localstack.testing.TopicTap;
import org.xinfang.notification.Fixtures;

/**
 * An unacknowledged activation request walks leader → deputy → principal with the configured waits, measured on a
 * clock the test moves; acknowledging stops it. The slow sweep is off, so only the timers move the chain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "xinfang.notification.escalation.sweep-interval-ms=3600000")
@AutoConfigureWebTestClient(timeout = "20s")
class EscalationChainIT {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-28T08:00:00Z"));
    @RegisterExtension
    static final TopicTap tap = Infrastructure.shared().tap();

    @TestConfiguration
    static class HandMovedClock {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @Autowired
    WebTestClient web;
    @Autowired
    Escalator escalator;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Fixtures.infrastructure(registry, "escalation-it");
    }

    private Map<String, Object> activationRequest(String petitionId) {
        List<Map<String, Object>> alerts = web.get().uri("/api/v1/alerts?petitionId={id}", petitionId)
                .header("Authorization", Fixtures.bearer(SCHOOL, Role.CLERK))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
        return alerts.stream().filter(a -> "ACTIVATION_REQUEST".equals(a.get("kind"))).findFirst().orElse(null);
    }

    /** Moves the clock and waits for the timers' wake-up to finish, so "nothing happened" can be asserted too. */
    private void moveClock(Duration by) {
        CLOCK.advance(by);
        try {
            escalator.wakeNow().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("wake-up did not finish", e);
        }
    }

    @Test
    void anUnansweredRequestWalksTheChainStepByStepAndStopsWhenAcknowledged() {
        PetitionRouted event = routed(EmergencyLevel.ELEVATED, "后勤处", List.of());
        String petitionId = event.meta().petitionId();
        tap.publish(Topics.PETITION_ROUTED, event);
        await("the activation request", Duration.ofSeconds(30), () -> activationRequest(petitionId) != null);
        String alertId = (String) activationRequest(petitionId).get("alertId");

        moveClock(Duration.ofMinutes(4));
        assertThat(activationRequest(petitionId).get("step")).isEqualTo(0);

        moveClock(Duration.ofMinutes(1).plusSeconds(1));
        await("the deputy is asked", Duration.ofSeconds(10),
                () -> "DEPUTY".equals(activationRequest(petitionId).get("currentRole")));
        assertThat(activationRequest(petitionId).get("step")).isEqualTo(1);

        moveClock(Duration.ofMinutes(4));
        assertThat(activationRequest(petitionId).get("currentRole")).isEqualTo("DEPUTY");
        moveClock(Duration.ofMinutes(1).plusSeconds(1));
        await("the principal is asked", Duration.ofSeconds(10),
                () -> "PRINCIPAL".equals(activationRequest(petitionId).get("currentRole")));

        web.post().uri("/api/v1/alerts/{id}/ack", alertId)
                .header("Authorization", Fixtures.bearer(SCHOOL, Role.LEADER))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("ACKNOWLEDGED")
                .jsonPath("$.acknowledgedBy").isEqualTo(Fixtures.subject(SCHOOL, Role.LEADER))
                .jsonPath("$.acknowledgedRole").isEqualTo("LEADER");

        moveClock(Duration.ofHours(1));
        List<AlertEscalated> escalations = tap.collect(Topics.ALERT_ESCALATED, e -> alertId.equals(e.alertId()),
                Duration.ofSeconds(3));
        assertThat(escalations).extracting(AlertEscalated::toStep).containsExactly(1, 2);
        assertThat(escalations).extracting(AlertEscalated::toRole).containsExactly("DEPUTY", "PRINCIPAL");
        assertThat(activationRequest(petitionId).get("step")).isEqualTo(2);

        AlertAcknowledged ack = tap.awaitOne(Topics.ALERT_ACKNOWLEDGED, e -> alertId.equals(e.alertId()),
                Duration.ofSeconds(10));
        assertThat(ack.acknowledgedBy()).isEqualTo(Fixtures.subject(SCHOOL, Role.LEADER));
        assertThat(ack.role()).isEqualTo("LEADER");

        web.post().uri("/api/v1/alerts/{id}/ack", alertId)
                .header("Authorization", Fixtures.bearer(SCHOOL, Role.DEPUTY_LEADER))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
    }

    @Test
    void acknowledgingNeedsATokenAndAnAlertTheCallerMaySee() {
        web.post().uri("/api/v1/alerts/{id}/ack", "nope")
                .header("X-District", DISTRICT).header("X-School", SCHOOL).header("X-Role", "LEADER")
                .exchange().expectStatus().isUnauthorized();
        web.post().uri("/api/v1/alerts/{id}/ack", "nope")
                .header("Authorization", Fixtures.bearer(SCHOOL, Role.LEADER))
                .exchange().expectStatus().isNotFound();
    }
}
