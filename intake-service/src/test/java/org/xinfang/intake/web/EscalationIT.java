package org.xinfang.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionEscalated;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.intake.GroupPetitions;
import org.xinfang.intake.IntakeServiceTest;
import org.xinfang.intake.IntakeTestSupport;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TopicTap;
import tools.jackson.databind.JsonNode;

/**
 * Escalation on the spot over HTTP (the plan's 四(4)): the petition grows, the history says what happened, one
 * {@code PetitionEscalated} without identity goes out through the outbox, a repeat changes nothing, and routing's new
 * level reaches the petition even after a department accepted it.
 */
@IntakeServiceTest
class EscalationIT {

    private static final String VIOLENCE = """
            {"riskSignals":["VIOLENCE"],"headcount":40,"note":"家长与保安发生推搡，有人砸坏门卫室玻璃，已报警"}""";

    @RegisterExtension
    static final TopicTap tap = Infrastructure.shared().tap();

    @Autowired
    WebTestClient http;

    @Test
    void violenceBreakingOutAfterAcceptanceIsRecordedPublishedOnceAndTakesRoutingsNewLevel() {
        String id = routedPetition();
        http.post().uri("/api/v1/petitions/{id}/actions/accept", id)
                .header("Authorization", IntakeTestSupport.handler(IntakeTestSupport.DEPARTMENT))
                .exchange().expectStatus().isOk();

        JsonNode escalated = escalate(id, Role.CLERK, "esc-key-0001", VIOLENCE).expectStatus().isOk()
                .expectHeader().doesNotExist("Idempotent-Replayed")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(escalated.get("headcount").asInt()).isEqualTo(40);
        assertThat(escalated.get("riskSignals").toString()).contains("VIOLENCE").contains("BLOCKING");
        assertThat(escalated.get("state").asString()).isEqualTo("ACCEPTED");
        JsonNode history = escalated.get("history");
        JsonNode entry = history.get(history.size() - 1);
        assertThat(entry.get("actorRole").asString()).isEqualTo("CLERK");
        assertThat(entry.get("actorId").asString()).isEqualTo(IntakeTestSupport.subjectOf(IntakeTestSupport.SCHOOL, Role.CLERK));
        assertThat(entry.get("reason").asString()).isEqualTo("情况升级：新增风险情形：打砸抢烧；人数由12人增至40人。"
                + "现场情况：家长与保安发生推搡，有人砸坏门卫室玻璃，已报警");

        // The same key and body again (the button pressed twice): the same answer, nothing added.
        JsonNode repeat = escalate(id, Role.CLERK, "esc-key-0001", VIOLENCE).expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(repeat.get("history").size()).isEqualTo(history.size());
        escalate(id, Role.CLERK, "esc-key-0001", "{\"riskSignals\":[\"DANGER_TO_PEOPLE\"],\"note\":\"有人受伤\"}")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:xinfang:problem:idempotency-key-reused");

        List<PetitionEscalated> published = awaitEscalations(id, 1);
        assertThat(published).hasSize(1);
        PetitionEscalated event = published.get(0);
        assertThat(event.added()).containsExactly(RiskSignal.VIOLENCE);
        assertThat(event.riskSignals()).containsExactlyInAnyOrder(RiskSignal.VIOLENCE, RiskSignal.BLOCKING);
        assertThat(event.headcount()).isEqualTo(40);
        assertThat(event.headcountBefore()).isEqualTo(12);
        assertThat(new String(EventJson.write(event))).doesNotContain("王某").doesNotContain("13800000000")
                .doesNotContain("推搡");

        // Routing decides again on the escalated facts: the accepted petition keeps its department, takes the level.
        tap.publish(Topics.PETITION_ROUTED, new PetitionRouted(
                EventMeta.derivedFrom(event.meta(), PetitionRouted.class, "routed", Instant.now()),
                "received-" + id, Subject.HYGIENE, IntakeTestSupport.DEPARTMENT, List.of(), EmergencyLevel.CRITICAL,
                List.of(), "test", null, null, event.meta().eventId()));
        IntakeTestSupport.await("the escalated level applied", Duration.ofSeconds(20), () -> "CRITICAL".equals(
                read(id).get("level").asString()));
        JsonNode after = read(id);
        assertThat(after.get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(after.get("department").asString()).isEqualTo(IntakeTestSupport.DEPARTMENT);
        JsonNode last = after.get("history").get(after.get("history").size() - 1);
        assertThat(last.get("reason").asString()).isEqualTo("情况升级后重新研判，紧急程度：特别重大（Ⅰ级）（原为较大（Ⅲ级））");
    }

    @Test
    void anEscalationThatAddsNothingOrSaysNothingIsRefusedByField() {
        String id = routedPetition();
        escalate(id, Role.LEADER, null, "{\"riskSignals\":[\"BLOCKING\"],\"headcount\":12,\"note\":\"仍在堵门\"}")
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:xinfang:problem:rule-violated")
                .jsonPath("$.errors[0].field").isEqualTo("riskSignals");
        escalate(id, Role.LEADER, null, "{\"riskSignals\":[\"VIOLENCE\"],\"headcount\":3}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields ->
                        assertThat(fields.toString()).contains("note").contains("headcount"));
        escalate(id, Role.LEADER, null, "{\"riskSignals\":[\"RIOT\"],\"note\":\"x\",\"level\":\"CRITICAL\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields ->
                        assertThat(fields.toString()).contains("riskSignals[0]").contains("level"));
        escalate(id, Role.LEADER, null, "not json").expectStatus().isBadRequest();
        escalate(id, Role.DEPUTY_LEADER, null, "{\"escalated\":true,\"note\":\"部分家长已到教育局\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.escalated").isEqualTo(true);
    }

    @Test
    void onlyTheSchoolsClerkAndLeadershipEscalateTheirOwnPetitions() {
        String id = routedPetition();
        escalate(id, Role.DEPARTMENT_HANDLER, null, VIOLENCE).expectStatus().isForbidden();
        escalate(id, Role.BUREAU_DUTY_OFFICER, null, VIOLENCE).expectStatus().isForbidden();
        http.post().uri("/api/v1/petitions/{id}/escalations", id)
                .header("Authorization", IntakeTestSupport.bearer(IntakeTestSupport.OTHER_SCHOOL, Role.LEADER))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(VIOLENCE)
                .exchange().expectStatus().isNotFound();
        escalate("00000000-0000-0000-0000-000000000000", Role.CLERK, null, VIOLENCE).expectStatus().isNotFound();
        assertThat(read(id).get("headcount").asInt()).isEqualTo(12);
    }

    private List<PetitionEscalated> awaitEscalations(String id, int atLeast) {
        IntakeTestSupport.await("escalation published", Duration.ofSeconds(20), () ->
                tap.collect(Topics.PETITION_ESCALATED, e -> id.equals(e.meta().petitionId()), Duration.ofMillis(500))
                        .size() >= atLeast);
        return tap.collect(Topics.PETITION_ESCALATED, e -> id.equals(e.meta().petitionId()), Duration.ofSeconds(1));
    }

    private JsonNode read(String id) {
        return http.get().uri("/api/v1/petitions/{id}", id).header("Authorization", IntakeTestSupport.bearer(Role.CLERK))
                .exchange().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private String routedPetition() {
        return GroupPetitions.routed(http, tap, List.of());
    }

    private WebTestClient.ResponseSpec escalate(String id, Role role, String key, String body) {
        WebTestClient.RequestBodySpec request = http.post().uri("/api/v1/petitions/{id}/escalations", id)
                .header("Authorization", IntakeTestSupport.bearer(role));
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
