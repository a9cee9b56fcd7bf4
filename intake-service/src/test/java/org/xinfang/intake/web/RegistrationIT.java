package org.xinfang.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.intake.IntakeServiceTest;
import org.xinfang.intake.IntakeTestSupport;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TopicTap;
import tools.jackson.databind.JsonNode;

/** Idempotent registration, the tenant and registrant from the token, and who may see a petitioner's identity. */
@IntakeServiceTest
class RegistrationIT {

    @Autowired
    WebTestClient http;

    @Test
    void theSameKeyAndBodyGiveTheSamePetitionPublishedOnce() {
        String key = "gate-" + UUID.randomUUID();
        JsonNode first = post(key, IntakeTestSupport.SCHOOL, IntakeTestSupport.GROUP_PETITION)
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode second = post(key, IntakeTestSupport.SCHOOL, IntakeTestSupport.GROUP_PETITION)
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().valueEquals("Location", "/api/v1/petitions/" + first.get("id").asString())
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(second.get("id")).isEqualTo(first.get("id"));
        assertThat(second.get("receivedAt")).isEqualTo(first.get("receivedAt"));
        String id = first.get("id").asString();
        try (TopicTap tap = Infrastructure.shared().tap()) {
            tap.awaitOne(Topics.PETITION_RECEIVED, e -> id.equals(e.meta().petitionId()), Duration.ofSeconds(20));
            assertThat(tap.collect(Topics.PETITION_RECEIVED, e -> id.equals(e.meta().petitionId()), Duration.ofSeconds(2)))
                    .hasSize(1);
        }
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWith422() {
        String key = "gate-" + UUID.randomUUID();
        post(key, IntakeTestSupport.SCHOOL, IntakeTestSupport.GROUP_PETITION).expectStatus().isCreated();
        post(key, IntakeTestSupport.SCHOOL, IntakeTestSupport.GROUP_PETITION.replace("\"headcount\":12", "\"headcount\":13"))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
    }

    @Test
    void keysBelongToOneSchool() {
        String key = "gate-" + UUID.randomUUID();
        String here = post(key, IntakeTestSupport.SCHOOL, IntakeTestSupport.GROUP_PETITION).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        String there = post(key, "s-east-02", IntakeTestSupport.GROUP_PETITION).expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotent-Replayed")
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        assertThat(there).isNotEqualTo(here);
    }

    @Test
    void onlyTheSchoolsStaffSeeWhoPetitioned() {
        String id = post(null, IntakeTestSupport.SCHOOL, IntakeTestSupport.GROUP_PETITION).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        for (Role role : new Role[] {Role.CLERK, Role.LEADER, Role.DEPUTY_LEADER}) {
            get(id, role).expectStatus().isOk().expectBody()
                    .jsonPath("$.petitioners[0].name").isEqualTo("王某")
                    .jsonPath("$.petitioners[0].phone").isEqualTo("13800000000")
                    .jsonPath("$.petitionerRelations[0]").isEqualTo("PARENT");
        }
        // Not yet routed to any department: no handler sees it (AccessMatrixIT shows a routed one without identity).
        get(id, Role.DEPARTMENT_HANDLER).expectStatus().isNotFound();
        get(id, Role.BUREAU_ANALYST).expectStatus().isForbidden();
    }

    @Test
    void aPhoneNumberTypedIntoTheDescriptionIsWarnedAboutNotRefused() {
        String body = IntakeTestSupport.GROUP_PETITION.replaceFirst("\"description\":\"", "\"description\":\"联系人手机13912345678，");
        JsonNode created = post(null, IntakeTestSupport.SCHOOL, body).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(created.get("warnings")).as(created.toString()).hasSize(1);
        assertThat(created.get("warnings").get(0).get("field").asString()).isEqualTo("description");
        assertThat(created.get("warnings").get(0).get("reason").asString()).startsWith("疑似含有电话号码");
        JsonNode clean = post(null, IntakeTestSupport.SCHOOL, IntakeTestSupport.GROUP_PETITION).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(clean.has("warnings")).isFalse();
    }

    @Test
    void theRegistrantIsTheTokensSubjectInItsRole() {
        http.post().uri("/api/v1/petitions").header("Authorization", IntakeTestSupport.bearer(Role.DEPUTY_LEADER))
                .header("X-District", "d-west").header("X-School", "s-west-01").header("X-Role", "CLERK")
                .header("X-User-Id", "someone-else")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(IntakeTestSupport.GROUP_PETITION)
                .exchange().expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.district").isEqualTo(IntakeTestSupport.DISTRICT)
                .jsonPath("$.school").isEqualTo(IntakeTestSupport.SCHOOL)
                .jsonPath("$.history[0].actorId").isEqualTo(IntakeTestSupport.subjectOf(IntakeTestSupport.SCHOOL, Role.DEPUTY_LEADER))
                .jsonPath("$.history[0].actorRole").isEqualTo("DEPUTY_LEADER");
    }

    private WebTestClient.ResponseSpec post(String key, String school, String body) {
        return http.post().uri("/api/v1/petitions")
                .headers(h -> {
                    h.set("Authorization", IntakeTestSupport.bearer(school, Role.CLERK));
                    if (key != null) {
                        h.set("Idempotency-Key", key);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec get(String id, Role role) {
        return http.get().uri("/api/v1/petitions/{id}", id).header("Authorization", IntakeTestSupport.bearer(role))
                .exchange();
    }
}
