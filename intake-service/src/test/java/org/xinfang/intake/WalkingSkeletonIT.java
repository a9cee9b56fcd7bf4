package org.xinfang.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.event.Deadlines;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.event.PetitionStatusChanged;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.contracts.vocabulary.Relation;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TopicTap;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton over the real broker and the MongoDB-wire store: a petition is registered, stored as one
 * document with its identity sealed, published once without identity, routed by an event, and the routed event
 * applied exactly once however often it is replayed.
 */
@IntakeServiceTest
class WalkingSkeletonIT {

    private static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(20);
    @RegisterExtension
    static final TopicTap tap = Infrastructure.shared().tap();

    @Autowired
    WebTestClient http;

    @Value("${xinfang.mongo.database}")
    String database;

    @Test
    void aRegisteredPetitionIsStoredPublishedOnceAndRoutedOnce() {
        JsonNode created = register(IntakeTestSupport.GROUP_PETITION);
        String id = created.get("id").asString();
        assertThat(created.get("state").asString()).isEqualTo("RECEIVED");
        assertThat(created.get("district").asString()).isEqualTo(IntakeTestSupport.DISTRICT);
        assertThat(created.get("school").asString()).isEqualTo(IntakeTestSupport.SCHOOL);
        assertThat(created.get("channel").asString()).isEqualTo("VISIT");
        assertThat(created.get("form").asString()).isEqualTo("GROUP");
        assertThat(created.get("headcount").asInt()).isEqualTo(12);
        assertThat(created.has("subject") && created.get("subject").isNull()).isTrue();
        assertThat(created.get("department").isNull()).isTrue();
        assertThat(created.get("level").isNull()).isTrue();
        assertThat(created.get("petitioners").get(0).get("name").asString()).as("the registering clerk sees identity")
                .isEqualTo("王某");

        PetitionReceived received = tap.awaitOne(Topics.PETITION_RECEIVED, e -> id.equals(e.meta().petitionId()), PUBLISHED_WITHIN);
        assertThat(received.headcount()).isEqualTo(12);
        assertThat(received.petitionerRelations()).containsExactly(Relation.PARENT);
        assertThat(new String(EventJson.write(received), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("王某").doesNotContain("13800000000");

        Document raw = rawDocument(id);
        assertThat(raw.toJson()).as("identity sealed at rest").doesNotContain("王某").doesNotContain("13800000000");
        assertThat(raw.get("identity", Document.class).getString("kid")).isEqualTo("dev-1");
        await("the outbox entry is marked sent", () -> rawDocument(id).getList("outbox", Document.class).isEmpty());
        assertThat(rawDocument(id).getList("sentEvents", String.class)).containsExactly(received.meta().eventId());

        PetitionRouted routed = new PetitionRouted(
                EventMeta.derivedFrom(received.meta(), PetitionRouted.class, "decision", Instant.now()),
                received.meta().eventId(), Subject.HYGIENE, "后勤处", List.of("办公室"), EmergencyLevel.ELEVATED,
                List.of("group of 12"), "rules-test-1",
                new Deadlines(Instant.parse("2030-01-15T00:00:00Z"), 60, 30));
        tap.publish(Topics.PETITION_ROUTED, routed);

        await("the petition is ROUTED", () -> "ROUTED".equals(get(id, Role.CLERK).get("state").asString()));
        JsonNode afterRouting = get(id, Role.CLERK);
        assertThat(afterRouting.get("department").asString()).isEqualTo("后勤处");
        assertThat(afterRouting.get("level").asString()).isEqualTo("ELEVATED");
        assertThat(afterRouting.get("subject").asString()).isEqualTo("HYGIENE");
        assertThat(afterRouting.get("dueBy").asString()).as("the acceptance deadline counted on receipt, not routing's date")
                .isEqualTo(created.get("dueBy").asString()).isNotEqualTo("2030-01-15T00:00:00Z");
        java.time.LocalDate receivedDay = java.time.LocalDate.ofInstant(
                Instant.parse(created.get("receivedAt").asString()), java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(java.time.LocalDate.parse(created.get("deadline").get("lastDay").asString()))
                .as("day 15 after receipt in Beijing, or the next working day after a holiday")
                .isBetween(receivedDay.plusDays(15), receivedDay.plusDays(24));
        assertThat(afterRouting.get("petitioners").get(0).get("name").asString()).as("the clerk sees identity").isEqualTo("王某");
        assertThat(afterRouting.get("history")).hasSize(2);
        assertThat(afterRouting.get("history").get(1).get("from").asString()).isEqualTo("RECEIVED");
        assertThat(afterRouting.get("history").get(1).get("to").asString()).isEqualTo("ROUTED");

        PetitionStatusChanged changed = tap.awaitOne(Topics.PETITION_STATUS_CHANGED,
                e -> id.equals(e.meta().petitionId()), PUBLISHED_WITHIN);
        assertThat(changed.from()).isEqualTo(PetitionState.RECEIVED);
        assertThat(changed.to()).isEqualTo(PetitionState.ROUTED);
        assertThat(changed.department()).isEqualTo("后勤处");

        long versionAfterRouting = rawDocument(id).get("version", Number.class).longValue();
        tap.publish(Topics.PETITION_ROUTED, routed);
        tap.publish(Topics.PETITION_ROUTED, routed);
        // A later record on the same partition (same key) proves the replays were consumed before it.
        PetitionRouted unrelated = new PetitionRouted(
                EventMeta.forPetition(PetitionRouted.class, "d-east", "s-east-01", id, Instant.now()),
                "other-cause", Subject.HYGIENE, "后勤处", List.of(), EmergencyLevel.ELEVATED, List.of(), "rules-test-1",
                new Deadlines(Instant.parse("2030-01-15T00:00:00Z"), 60, 30));
        tap.publish(Topics.PETITION_ROUTED, unrelated);
        await("the later decision is applied", () -> rawDocument(id).getList("appliedEvents", String.class)
                .contains(unrelated.meta().eventId()));
        Document afterReplays = rawDocument(id);
        assertThat(afterReplays.getList("history", Document.class)).as("replays add no history").hasSize(2);
        assertThat(afterReplays.get("version", Number.class).longValue()).as("replays wrote nothing, the new decision once")
                .isEqualTo(versionAfterRouting + 1);

        assertThat(tap.collect(Topics.PETITION_RECEIVED, e -> id.equals(e.meta().petitionId()), Duration.ofSeconds(2)))
                .as("PetitionReceived published exactly once").hasSize(1);
        assertThat(tap.collect(Topics.PETITION_STATUS_CHANGED, e -> id.equals(e.meta().petitionId()), Duration.ofSeconds(2)))
                .as("one status change for one routing").hasSize(1);
    }

    @Test
    void anotherSchoolCannotSeeThePetition() {
        String id = register(IntakeTestSupport.GROUP_PETITION).get("id").asString();
        http.get().uri("/api/v1/petitions/{id}", id)
                .header("Authorization", IntakeTestSupport.bearer(IntakeTestSupport.OTHER_SCHOOL, Role.CLERK))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/v1/petitions/{id}", UUID.randomUUID())
                .header("Authorization", IntakeTestSupport.bearer(Role.CLERK))
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void anInvalidPetitionIsRefusedListingEachField() {
        http.post().uri("/api/v1/petitions").header("Authorization", IntakeTestSupport.bearer(Role.CLERK))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"channel":"PIGEON","form":"GROUP","headcount":0,"title":"","description":"x",
                         "petitioners":[{"name":"a","relation":"PARENT"}]}""")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'channel')]").exists()
                .jsonPath("$.errors[?(@.field == 'headcount')]").exists()
                .jsonPath("$.errors[?(@.field == 'title')]").exists();
    }

    @Test
    void requestsWithoutATokenAreRefused() {
        http.post().uri("/api/v1/petitions").contentType(MediaType.APPLICATION_JSON)
                .header("X-District", IntakeTestSupport.DISTRICT).header("X-School", IntakeTestSupport.SCHOOL)
                .bodyValue(IntakeTestSupport.GROUP_PETITION)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void theRequestIdIsEchoedAndHealthAndMetricsAnswer() {
        http.get().uri("/api/v1/petitions/{id}", UUID.randomUUID())
                .header("Authorization", IntakeTestSupport.bearer(Role.CLERK)).header("X-Request-Id", "trace-me-42")
                .exchange()
                .expectHeader().valueEquals("X-Request-Id", "trace-me-42");
        http.get().uri("/api/v1/petitions").header("X-Request-Id", "trace-me-43").exchange()
                .expectStatus().isUnauthorized().expectHeader().valueEquals("X-Request-Id", "trace-me-43");
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            http.get().uri(path).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        }
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    }

    @Test
    void theOpenApiDocumentNeedsNoTokenAndDescribesTheBearerScheme() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.servers[0].url").isEqualTo("/")
                .jsonPath("$.components.securitySchemes.bearerAuth.scheme").isEqualTo("bearer")
                .jsonPath("$.components.securitySchemes.bearerAuth.bearerFormat").isEqualTo("JWT")
                .jsonPath("$.security[0].bearerAuth").exists()
                .jsonPath("$.paths['/api/v1/petitions'].post").exists()
                .jsonPath("$.paths['/api/v1/visits/{id}/petition'].post").exists()
                .jsonPath("$.paths['/api/v1/gate/entries']").doesNotExist()
                .jsonPath("$.paths['/api/v1/petitions/{id}'].get.parameters[?(@.name == 'caller')]").doesNotExist();
    }

    private JsonNode register(String body) {
        return http.post().uri("/api/v1/petitions").header("Authorization", IntakeTestSupport.bearer(Role.CLERK))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", l -> assertThat(l).startsWith("/api/v1/petitions/"))
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode get(String id, Role role) {
        return http.get().uri("/api/v1/petitions/{id}", id).header("Authorization", IntakeTestSupport.bearer(role))
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private Document rawDocument(String id) {
        try (MongoClient client = MongoClients.create(Infrastructure.shared().mongoUri())) {
            return Mono.from(client.getDatabase(database).getCollection("petitions").find(new Document("_id", id)).first())
                    .block(Duration.ofSeconds(5));
        }
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        IntakeTestSupport.await(what, Duration.ofSeconds(20), condition);
    }
}
