package org.xinfang.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.event.PetitionStatusChanged;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.intake.GroupPetitions;
import org.xinfang.intake.IntakeServiceTest;
import org.xinfang.intake.IntakeTestSupport;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TopicTap;
import tools.jackson.databind.JsonNode;

/** The life cycle over HTTP: steps answer the new petition, illegal ones 409 with the allowed steps, all published. */
@IntakeServiceTest
@TestPropertySource(properties = {
        "xinfang.intake.limits.handle-within-days=20", "xinfang.intake.limits.extension-max-days=7"})
class LifeCycleIT {

    @RegisterExtension
    static final TopicTap tap = Infrastructure.shared().tap();

    @Autowired
    WebTestClient http;

    @Test
    void aPetitionGoesThroughItsLifeAndEveryStepIsPublished() {
        String id = routedPetition();
        JsonNode accepted = act(id, "accept", Role.DEPARTMENT_HANDLER, "{\"reason\":\"属实，受理\"}").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(accepted.get("state").asString()).isEqualTo("ACCEPTED");
        Instant acceptedAt = Instant.parse(accepted.get("handling").get("acceptedAt").asString());
        JsonNode deadline = accepted.get("deadline");
        assertThat(deadline.get("limit").asString()).as("configured 20 days, not 60").isEqualTo("20日");
        java.time.ZoneId beijing = java.time.ZoneId.of("Asia/Shanghai");
        java.time.LocalDate lastDay = java.time.LocalDate.parse(deadline.get("lastDay").asString());
        java.time.LocalDate acceptedDay = java.time.LocalDate.ofInstant(acceptedAt, beijing);
        assertThat(lastDay).as("day 20 after acceptance, or the next working day after a holiday")
                .isBetween(acceptedDay.plusDays(20), acceptedDay.plusDays(29));
        assertThat(Instant.parse(accepted.get("dueBy").asString()))
                .isEqualTo(lastDay.plusDays(1).atStartOfDay(beijing).toInstant());

        act(id, "accept", Role.DEPARTMENT_HANDLER, null).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.state").isEqualTo("ACCEPTED")
                .jsonPath("$.allowedActions").isEqualTo(List.of("start"));
        act(id, "start", Role.CLERK, null).expectStatus().isForbidden();
        act(id, "start", Role.DEPARTMENT_HANDLER, null).expectStatus().isOk();
        // Only the leader approves an extension: the deputy may not, though the state allows it.
        act(id, "extend", Role.DEPUTY_LEADER, "{\"reason\":\"需要调查取证\",\"days\":3}").expectStatus().isForbidden();
        act(id, "extend", Role.LEADER, "{\"reason\":\"需要调查取证\",\"days\":8}").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("days");
        act(id, "extend", Role.LEADER, "{\"reason\":\"需要调查取证\",\"days\":7}").expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("EXTENDED");
        act(id, "extend", Role.LEADER, "{\"reason\":\"再次延期\",\"days\":3}").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.allowedActions").isEqualTo(List.of("resolve"));
        act(id, "resolve", Role.DEPARTMENT_HANDLER, "{}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reply");
        act(id, "resolve", Role.DEPARTMENT_HANDLER, "{\"reply\":\"已整改食堂卫生，书面答复家长。\"}").expectStatus().isOk();
        act(id, "request-review", Role.CLERK, "{\"reason\":\"家长对答复不满意\"}").expectStatus().isOk();
        JsonNode reviewed = act(id, "answer-review", Role.LEADER, "{\"reply\":\"维持原处理意见\"}").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(reviewed.get("allowedActions").toString()).contains("close").contains("request-re-review");
        JsonNode closed = act(id, "close", Role.CLERK, null).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        List<String> path = closed.get("history").valueStream().map(h -> h.get("to").asString()).toList();
        assertThat(path).containsExactly("RECEIVED", "ROUTED", "ACCEPTED", "IN_PROGRESS", "EXTENDED", "RESOLVED",
                "REVIEW_REQUESTED", "REVIEWED", "CLOSED");
        JsonNode extension = closed.get("history").get(4);
        assertThat(extension.get("actorId").asString())
                .isEqualTo(IntakeTestSupport.subjectOf(IntakeTestSupport.SCHOOL, Role.LEADER));
        assertThat(extension.get("actorRole").asString()).isEqualTo("LEADER");
        assertThat(extension.get("reason").asString()).contains("延期 7 日").contains("需要调查取证");
        JsonNode acceptance = closed.get("history").get(2);
        assertThat(acceptance.get("actorId").asString()).isEqualTo(IntakeTestSupport.SCHOOL + "-logistics");
        assertThat(acceptance.get("actorRole").asString()).isEqualTo("DEPARTMENT_HANDLER");

        IntakeTestSupport.await("all 8 status changes published", Duration.ofSeconds(20), () ->
                tap.collect(Topics.PETITION_STATUS_CHANGED, e -> id.equals(e.meta().petitionId()), Duration.ofMillis(500))
                        .size() >= 8);
        List<PetitionStatusChanged> published = tap.collect(Topics.PETITION_STATUS_CHANGED,
                e -> id.equals(e.meta().petitionId()), Duration.ofSeconds(1));
        assertThat(published).extracting(PetitionStatusChanged::to).as("in order, each once").containsExactly(
                PetitionState.ROUTED, PetitionState.ACCEPTED, PetitionState.IN_PROGRESS, PetitionState.EXTENDED,
                PetitionState.RESOLVED, PetitionState.REVIEW_REQUESTED, PetitionState.REVIEWED, PetitionState.CLOSED);
    }

    @Test
    void stepsNeedATokenAndAKnownStep() {
        String id = routedPetition();
        http.post().uri("/api/v1/petitions/{id}/actions/accept", id)
                .header("X-District", IntakeTestSupport.DISTRICT).header("X-School", IntakeTestSupport.SCHOOL)
                .header("X-User-Id", "u-1").header("X-Role", "LEADER")
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        act(id, "approve-everything", Role.LEADER, null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("action");
        act(id, "refuse", Role.DEPARTMENT_HANDLER, "{\"reason\":{\"$ne\":null}}").expectStatus().isBadRequest();
        act(id, "refuse", Role.DEPARTMENT_HANDLER, null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        http.post().uri("/api/v1/petitions/{id}/actions/accept", id)
                .header("Authorization", IntakeTestSupport.bearer("s-east-99", Role.LEADER))
                .exchange().expectStatus().isNotFound();
        act(id, "accept", Role.BUREAU_DUTY_OFFICER, null).expectStatus().isForbidden();
        http.get().uri("/api/v1/petitions/{id}", id).header("Authorization", IntakeTestSupport.bearer(Role.CLERK))
                .exchange().expectBody().jsonPath("$.state").isEqualTo("ROUTED");
    }

    @Test
    void aDepartmentActsOnlyOnWhatIsRoutedToIt() {
        String id = routedPetition(List.of("GENERAL_OFFICE"));
        // Another department: the petition does not exist for it.
        http.post().uri("/api/v1/petitions/{id}/actions/accept", id)
                .header("Authorization", IntakeTestSupport.handler("ACADEMIC_AFFAIRS"))
                .exchange().expectStatus().isNotFound();
        // The co-handling department reads it, without identity, but its steps belong to the routed department.
        http.get().uri("/api/v1/petitions/{id}", id).header("Authorization", IntakeTestSupport.handler("GENERAL_OFFICE"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.petitioners").doesNotExist()
                .jsonPath("$.department").isEqualTo(IntakeTestSupport.DEPARTMENT);
        http.post().uri("/api/v1/petitions/{id}/actions/accept", id)
                .header("Authorization", IntakeTestSupport.handler("GENERAL_OFFICE"))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        // The clerk may not accept (a department or the leadership does), nor may a handler close.
        act(id, "accept", Role.CLERK, null).expectStatus().isForbidden();
        act(id, "refuse", Role.DEPARTMENT_HANDLER, "{\"reason\":\"不属于本校职责\"}").expectStatus().isOk();
        act(id, "close", Role.DEPARTMENT_HANDLER, null).expectStatus().isForbidden();
        act(id, "close", Role.DEPUTY_LEADER, null).expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("CLOSED");
    }

    private String routedPetition() {
        return routedPetition(List.of());
    }

    private String routedPetition(List<String> coDepartments) {
        return GroupPetitions.routed(http, tap, coDepartments);
    }

    private WebTestClient.ResponseSpec act(String id, String action, Role role, String body) {
        WebTestClient.RequestBodySpec request = http.post().uri("/api/v1/petitions/{id}/actions/{action}", id, action)
                .header("Authorization", IntakeTestSupport.bearer(role));
        return body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
