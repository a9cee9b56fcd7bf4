package org.xinfang.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TopicTap;

/** The walking skeleton of routing over the real broker and the Mongo-wire server. */
@RoutingServiceTest
class RoutingIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    @RegisterExtension
    static final TopicTap tap = Infrastructure.shared().tap();

    @Autowired
    WebTestClient web;

    @Test
    void aReceivedGroupPetitionIsRoutedAndItsDecisionServed() {
        PetitionReceived received = Petitions.canteenGroup();
        tap.publish(Topics.PETITION_RECEIVED, received);

        PetitionRouted routed = tap.awaitOne(Topics.PETITION_ROUTED,
                r -> r.receivedEventId().equals(received.meta().eventId()), WAIT);
        assertThat(routed.meta().eventId())
                .isEqualTo(EventMeta.derivedFrom(received.meta(), PetitionRouted.class, "routed", received.receivedAt()).eventId());
        assertThat(routed.meta().petitionId()).isEqualTo(received.meta().petitionId());
        assertThat(routed.subject()).isEqualTo(Subject.HYGIENE);
        assertThat(routed.department()).isEqualTo("LOGISTICS");
        assertThat(routed.coDepartments()).containsExactly("GENERAL_OFFICE");
        assertThat(routed.level()).isEqualTo(EmergencyLevel.ELEVATED);
        assertThat(routed.ruleSetVersion()).isEqualTo("default-1");
        assertThat(routed.deadlines()).as("intake's deadlines, passed on unchanged").isEqualTo(Petitions.INTAKE_DEADLINES);
        assertThat(routed.reasons()).anyMatch(r -> r.contains("食堂")).anyMatch(r -> r.contains("集体访 12 人"));

        web.get().uri("/api/v1/routing/decisions/{id}", received.meta().petitionId())
                .header(HttpHeaders.AUTHORIZATION, RoutingIntegrationSupport.school(Petitions.DISTRICT, Petitions.SCHOOL, Role.CLERK))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.petitionId").isEqualTo(received.meta().petitionId())
                .jsonPath("$.subject").isEqualTo("HYGIENE")
                .jsonPath("$.department").isEqualTo("LOGISTICS")
                .jsonPath("$.coDepartments[0]").isEqualTo("GENERAL_OFFICE")
                .jsonPath("$.level").isEqualTo("ELEVATED")
                .jsonPath("$.ruleSetVersion").isEqualTo("default-1")
                .jsonPath("$.reasons").isNotEmpty()
                .jsonPath("$.deadlines.acceptBy").isEqualTo("2030-01-15T16:00:00Z")
                .jsonPath("$.deadlines.handleWithinDays").isEqualTo(60);
    }

    @Test
    void aPetitionWhoseReceiptStatesNoDeadlinesIsRoutedAllTheSame() {
        PetitionReceived stated = Petitions.canteenGroup();
        PetitionReceived received = new PetitionReceived(stated.meta(), stated.channel(), stated.form(), stated.headcount(),
                stated.escalated(), stated.anonymous(), stated.petitionerRelations(), stated.subject(), stated.title(),
                stated.description(), stated.place(), stated.receivedAt(), stated.riskSignals());
        tap.publish(Topics.PETITION_RECEIVED, received);
        PetitionRouted routed = tap.awaitOne(Topics.PETITION_ROUTED,
                r -> r.receivedEventId().equals(received.meta().eventId()), WAIT);
        assertThat(routed.level()).isEqualTo(EmergencyLevel.ELEVATED);
        assertThat(routed.deadlines()).as("routing counts none of its own").isNull();
    }

    @Test
    void anotherSchoolSeesNoDecisionAndTenancyHeadersNameNoTenant() {
        PetitionReceived received = Petitions.received(Form.INDIVIDUAL, 1, "孩子转学手续办不下来", "家长反映转学手续迟迟办不下来。");
        tap.publish(Topics.PETITION_RECEIVED, received);
        tap.awaitOne(Topics.PETITION_ROUTED, r -> r.receivedEventId().equals(received.meta().eventId()), WAIT);

        web.get().uri("/api/v1/routing/decisions/{id}", received.meta().petitionId())
                .header(HttpHeaders.AUTHORIZATION, RoutingIntegrationSupport.school(Petitions.DISTRICT, "s-east-02", Role.CLERK))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        // The old tenancy headers are no source of identity: naming the petition's school changes nothing.
        web.get().uri("/api/v1/routing/decisions/{id}", received.meta().petitionId())
                .header(HttpHeaders.AUTHORIZATION, RoutingIntegrationSupport.school(Petitions.DISTRICT, "s-east-02", Role.CLERK))
                .header("X-District", Petitions.DISTRICT).header("X-School", Petitions.SCHOOL)
                .exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/v1/routing/decisions/{id}", received.meta().petitionId())
                .header("X-District", Petitions.DISTRICT).header("X-School", Petitions.SCHOOL)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/v1/routing/decisions/{id}", received.meta().petitionId())
                .header(HttpHeaders.AUTHORIZATION, RoutingIntegrationSupport.school(Petitions.DISTRICT, Petitions.SCHOOL, Role.CLERK))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.subject").isEqualTo("TRANSFER").jsonPath("$.level").isEqualTo("ROUTINE");
    }

    @Test
    void aRedeliveredReceivedEventRepublishesTheStoredDecision() {
        PetitionReceived received = Petitions.received(Form.GROUP, 40, "家长集体反映乱收费", "四十余名家长反映学校强制征订教辅资料、乱收费。");
        tap.publish(Topics.PETITION_RECEIVED, received);
        PetitionRouted first = tap.awaitOne(Topics.PETITION_ROUTED,
                r -> r.receivedEventId().equals(received.meta().eventId()), WAIT);

        tap.publish(Topics.PETITION_RECEIVED, received);
        List<PetitionRouted> all = awaitCount(received, 2);
        assertThat(all).hasSize(2).allSatisfy(r -> assertThat(r).isEqualTo(first));
        assertThat(first.level()).isEqualTo(EmergencyLevel.HIGH);
        assertThat(first.subject()).isEqualTo(Subject.EDUCATION_FEES);
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String key = "p-poison-" + System.nanoTime();
        tap.publishRaw(Topics.PETITION_RECEIVED.name(), key, "{not json".getBytes(StandardCharsets.UTF_8));
        String missingTitle = "{\"meta\":{\"eventId\":\"e-" + key + "\",\"type\":\"PetitionReceived\",\"schemaVersion\":1,"
                + "\"occurredAt\":\"2026-11-02T01:15:00Z\",\"district\":\"d-east\",\"school\":\"s-east-01\",\"petitionId\":\"" + key + "\"},"
                + "\"channel\":\"VISIT\",\"form\":\"INDIVIDUAL\",\"headcount\":1,\"escalated\":false,\"anonymous\":false,"
                + "\"description\":\"x\",\"receivedAt\":\"2026-11-02T01:14:30Z\"}";
        tap.publishRaw(Topics.PETITION_RECEIVED.name(), key, missingTitle.getBytes(StandardCharsets.UTF_8));
        String noPeople = missingTitle.replace("\"headcount\":1", "\"headcount\":0")
                .replace("\"description\"", "\"title\":\"t\",\"description\"");
        tap.publishRaw(Topics.PETITION_RECEIVED.name(), key, noPeople.getBytes(StandardCharsets.UTF_8));
        String unknownForm = missingTitle.replace("INDIVIDUAL", "CROWD")
                .replace("\"description\"", "\"title\":\"t\",\"description\"");
        tap.publishRaw(Topics.PETITION_RECEIVED.name(), key, unknownForm.getBytes(StandardCharsets.UTF_8));
        PetitionReceived after = Petitions.canteenGroup();
        tap.publish(Topics.PETITION_RECEIVED, after);

        tap.awaitOne(Topics.PETITION_ROUTED, r -> r.receivedEventId().equals(after.meta().eventId()), WAIT);
        List<ConsumerRecord<String, byte[]>> letters = awaitDeadLetters(key, 4);
        assertThat(letters).hasSize(4);
        assertThat(letters).extracting(r -> header(r, "x-dead-letter-reason"))
                .anySatisfy(reason -> assertThat(reason).contains("title"))
                .anySatisfy(reason -> assertThat(reason).contains("headcount must be at least 1"))
                .anySatisfy(reason -> assertThat(reason).contains("CROWD"))
                .allSatisfy(reason -> assertThat(reason).isNotBlank());
        assertThat(letters).allSatisfy(r -> assertThat(header(r, "x-original-topic")).isEqualTo(Topics.PETITION_RECEIVED.name()));
    }

    @Test
    void healthProbesAndMetricsAreServed() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.store.status").isEqualTo("UP");
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    }

    private static List<PetitionRouted> awaitCount(PetitionReceived received, int count) {
        long end = System.nanoTime() + WAIT.toNanos();
        List<PetitionRouted> found = List.of();
        while (System.nanoTime() < end && found.size() < count) {
            found = tap.collect(Topics.PETITION_ROUTED, r -> r.receivedEventId().equals(received.meta().eventId()),
                    Duration.ofMillis(500));
        }
        return found;
    }

    private static List<ConsumerRecord<String, byte[]>> awaitDeadLetters(String key, int count) {
        long end = System.nanoTime() + WAIT.toNanos();
        List<ConsumerRecord<String, byte[]>> found = List.of();
        while (System.nanoTime() < end && found.size() < count) {
            found = tap.collectRaw(Topics.PETITION_RECEIVED.deadLetterName(), r -> key.equals(r.key()), Duration.ofMillis(500));
        }
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
