package org.xinfang.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.event.Deadlines;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.intake.IntakeServiceTest;
import org.xinfang.intake.IntakeTestSupport;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TopicTap;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A petition's history, written by the suite through registration, routing and the life cycle, checks out intact; a
 * change made straight in the store is found by the administrator's check, for the petition and for the district.
 */
@IntakeServiceTest
class HistoryIntegrityIT {

    @RegisterExtension
    static final TopicTap tap = Infrastructure.shared().tap();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntakeTestSupport.infrastructure(registry, HistoryIntegrityIT.class);
    }

    @Autowired
    WebTestClient http;

    @Value("${xinfang.mongo.database}")
    String database;

    @Test
    void aHistoryChangedInTheStoreIsFoundWhereItWasChanged() {
        String id = acceptedPetition();
        String untouched = acceptedPetition();
        integrity(id).expectStatus().isOk().expectBody()
                .jsonPath("$.intact").isEqualTo(true)
                .jsonPath("$.entries").isEqualTo(3)
                .jsonPath("$.number").isNotEmpty();

        // Someone with access to the database rewrites who accepted it and why.
        try (MongoClient client = MongoClients.create(Infrastructure.shared().mongoUri())) {
            Mono.from(client.getDatabase(database).getCollection("petitions").updateOne(new Document("_id", id),
                    new Document("$set", new Document("history.2.reason", "不属实，不予受理")
                            .append("history.2.actorId", "someone-else")))).block(Duration.ofSeconds(10));
        }

        integrity(id).expectStatus().isOk().expectBody()
                .jsonPath("$.intact").isEqualTo(false)
                .jsonPath("$.brokenAt").isEqualTo(2)
                .jsonPath("$.reason").isEqualTo("记录内容、顺序或位置与封印不符");
        integrity(untouched).expectStatus().isOk().expectBody().jsonPath("$.intact").isEqualTo(true);

        JsonNode audit = http.get().uri("/api/v1/history-integrity")
                .header("Authorization", IntakeTestSupport.bearer(Role.ADMINISTRATOR)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(audit.get("checked").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(audit.get("broken").asInt()).isEqualTo(1);
        assertThat(audit.get("brokenPetitions")).hasSize(1);
        assertThat(audit.get("brokenPetitions").get(0).get("petitionId").asString()).isEqualTo(id);
        // The audit names petitions, never people.
        assertThat(audit.toString()).doesNotContain("王某").doesNotContain("13800000000");
    }

    @Test
    void onlyTheDistrictsAdministratorChecksAndOnlyItsOwnPetitions() {
        String id = acceptedPetition();
        for (Role role : List.of(Role.CLERK, Role.LEADER, Role.DEPARTMENT_HANDLER)) {
            http.get().uri("/api/v1/petitions/{id}/history/integrity", id)
                    .header("Authorization", IntakeTestSupport.bearer(role)).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            http.get().uri("/api/v1/history-integrity").header("Authorization", IntakeTestSupport.bearer(role))
                    .exchange().expectStatus().isForbidden();
        }
        http.get().uri("/api/v1/petitions/{id}/history/integrity", id)
                .header("Authorization", IntakeTestSupport.bearer(IntakeTestSupport.WEST, null, Role.ADMINISTRATOR))
                .exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/history-integrity")
                .header("Authorization", IntakeTestSupport.bearer(IntakeTestSupport.WEST, null, Role.ADMINISTRATOR))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.checked").isEqualTo(0);
    }

    private WebTestClient.ResponseSpec integrity(String id) {
        return http.get().uri("/api/v1/petitions/{id}/history/integrity", id)
                .header("Authorization", IntakeTestSupport.bearer(Role.ADMINISTRATOR)).exchange();
    }

    /** Registered by the clerk, routed by an event, accepted by the department: three entries in three writes. */
    private String acceptedPetition() {
        String id = http.post().uri("/api/v1/petitions").header("Authorization", IntakeTestSupport.bearer(Role.CLERK))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(IntakeTestSupport.GROUP_PETITION)
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        tap.publish(Topics.PETITION_ROUTED, new PetitionRouted(
                EventMeta.forPetition(PetitionRouted.class, IntakeTestSupport.DISTRICT, IntakeTestSupport.SCHOOL, id,
                        Instant.now()),
                "received-" + id, Subject.HYGIENE, IntakeTestSupport.DEPARTMENT, List.of(), EmergencyLevel.ELEVATED,
                List.of(), "test", new Deadlines(Instant.now().plus(Duration.ofDays(15)), 60, 30)));
        IntakeTestSupport.await("routed", Duration.ofSeconds(20), () -> "ROUTED".equals(
                http.get().uri("/api/v1/petitions/{id}", id).header("Authorization", IntakeTestSupport.bearer(Role.CLERK))
                        .exchange().expectBody(JsonNode.class).returnResult().getResponseBody().get("state").asString()));
        http.post().uri("/api/v1/petitions/{id}/actions/accept", id)
                .header("Authorization", IntakeTestSupport.bearer(Role.DEPARTMENT_HANDLER))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":\"属实，受理\"}")
                .exchange().expectStatus().isOk();
        return id;
    }
}
