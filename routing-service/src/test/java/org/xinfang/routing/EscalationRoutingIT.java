package org.xinfang.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionEscalated;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TopicTap;

/**
 * An escalation on the spot over the real broker and store: routing decides again with the same level rules, the new
 * decision names the escalation and carries the escalated situation, the latest decision is served, and the same
 * escalation delivered twice yields the same decision once.
 */
@RoutingServiceTest
class EscalationRoutingIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    @RegisterExtension
    static final TopicTap tap = Infrastructure.shared().tap();

    @Autowired
    WebTestClient web;

    @Test
    void violenceBreakingOutRaisesTheLevelOnceWhateverTheRedeliveries() {
        PetitionReceived received = Petitions.canteenGroup();
        tap.publish(Topics.PETITION_RECEIVED, received);
        PetitionRouted first = tap.awaitOne(Topics.PETITION_ROUTED,
                r -> r.receivedEventId().equals(received.meta().eventId()) && !r.answersEscalation(), WAIT);
        assertThat(first.level()).isEqualTo(EmergencyLevel.ELEVATED);

        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PetitionEscalated escalated = new PetitionEscalated(new EventMeta(UUID.randomUUID().toString(),
                "PetitionEscalated", EventMeta.CURRENT_SCHEMA_VERSION, now, received.meta().district(),
                received.meta().school(), received.meta().petitionId()),
                40, 12, false, Set.of(RiskSignal.BLOCKING, RiskSignal.VIOLENCE), Set.of(RiskSignal.VIOLENCE), "CLERK", now);
        tap.publish(Topics.PETITION_ESCALATED, escalated);
        tap.publish(Topics.PETITION_ESCALATED, escalated);

        PetitionRouted again = tap.awaitOne(Topics.PETITION_ROUTED,
                r -> escalated.meta().eventId().equals(r.escalatedEventId()), WAIT);
        assertThat(again.meta().petitionId()).isEqualTo(received.meta().petitionId());
        assertThat(again.receivedEventId()).isEqualTo(received.meta().eventId());
        assertThat(again.level()).isEqualTo(EmergencyLevel.CRITICAL);
        assertThat(again.department()).isEqualTo(first.department());
        assertThat(again.subject()).isEqualTo(first.subject());
        assertThat(again.deadlines()).isEqualTo(first.deadlines());
        assertThat(again.reasons().get(0)).isEqualTo("情况升级：新增打砸抢烧，人数由12人增至40人");
        assertThat(again.situation().headcount()).isEqualTo(40);
        assertThat(again.situation().riskSignals()).containsExactlyInAnyOrder(RiskSignal.BLOCKING, RiskSignal.VIOLENCE);
        assertThat(again.situation().number()).isEqualTo(first.situation().number());

        // Delivered twice: every copy on the wire is the same decision, under the same event id.
        var copies = tap.collect(Topics.PETITION_ROUTED,
                r -> escalated.meta().eventId().equals(r.escalatedEventId()), Duration.ofSeconds(3));
        assertThat(copies).isNotEmpty().allSatisfy(copy -> assertThat(copy).isEqualTo(again));

        web.get().uri("/api/v1/routing/decisions/{id}", received.meta().petitionId())
                .header(HttpHeaders.AUTHORIZATION, RoutingIntegrationSupport.school(Petitions.DISTRICT, Petitions.SCHOOL, Role.CLERK))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.level").isEqualTo("CRITICAL")
                .jsonPath("$.routedEventId").isEqualTo(again.meta().eventId());
    }
}
