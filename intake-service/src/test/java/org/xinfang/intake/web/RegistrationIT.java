package org.xinfang.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.intake.IntakeTestSupport;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TopicTap;
import tools.jackson.databind.JsonNode;

/** Idempotent registration and who may see a petitioner's identity. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class RegistrationIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntakeTestSupport.infrastructure(registry, RegistrationIT.class);
    }

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
    void onlyTheClerkAndTheLeaderSeeWhoPetitioned() {
        String id = post(null, IntakeTestSupport.SCHOOL, IntakeTestSupport.GROUP_PETITION).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        for (String role : new String[] {"CLERK", "LEADER"}) {
            get(id, role).jsonPath("$.petitioners[0].name").isEqualTo("王某")
                    .jsonPath("$.petitioners[0].phone").isEqualTo("13800000000");
        }
        for (String role : new String[] {"DEPARTMENT", "DEPUTY", "BUREAU"}) {
            get(id, role).jsonPath("$.petitioners").doesNotExist()
                    .jsonPath("$.petitionerRelations[0]").isEqualTo("PARENT");
        }
    }

    private WebTestClient.ResponseSpec post(String key, String school, String body) {
        return http.post().uri("/api/v1/petitions")
                .headers(h -> {
                    h.set("X-District", IntakeTestSupport.DISTRICT);
                    h.set("X-School", school);
                    if (key != null) {
                        h.set("Idempotency-Key", key);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.BodyContentSpec get(String id, String role) {
        return http.get().uri("/api/v1/petitions/{id}", id)
                .header("X-District", IntakeTestSupport.DISTRICT).header("X-School", IntakeTestSupport.SCHOOL)
                .header("X-Role", role).header("X-User-Id", "u-" + role.toLowerCase())
                .exchange().expectStatus().isOk().expectBody();
    }
}
