package org.xinfang.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.intake.IntakeServiceTest;
import org.xinfang.intake.IntakeTestSupport;
import org.xinfang.localstack.testing.Infrastructure;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The gate register at /api/v1/visits: visits and calls are logged with the visitor's identity sealed, and a visit
 * becomes a petition once. The old /api/v1/gate/entries is gone.
 */
@IntakeServiceTest
class GateRegisterIT {

    private static final String VISIT = """
            {"kind":"VISIT","visitorName":"王某","phone":"13800000000","headcount":12,"purpose":"反映食堂卫生问题"}""";

    @Autowired
    WebTestClient http;

    @Value("${xinfang.mongo.database}")
    String database;

    @Test
    void aLoggedVisitBecomesAPetitionOnce() {
        JsonNode entry = post("/api/v1/visits", Role.CLERK, IntakeTestSupport.SCHOOL, VISIT).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String entryId = entry.get("id").asString();
        assertThat(entry.get("visitorName").asString()).isEqualTo("王某");
        assertThat(entry.get("loggedBy").asString()).isEqualTo(IntakeTestSupport.subjectOf(IntakeTestSupport.SCHOOL, Role.CLERK));
        try (MongoClient client = MongoClients.create(Infrastructure.shared().mongoUri())) {
            Document raw = Mono.from(client.getDatabase(database).getCollection("gate_entries")
                    .find(new Document("_id", entryId)).first()).block(Duration.ofSeconds(5));
            assertThat(raw.toJson()).doesNotContain("王某").doesNotContain("13800000000");
        }
        http.get().uri("/api/v1/visits").headers(h -> tenancy(h, Role.LEADER, IntakeTestSupport.SCHOOL))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + entryId + "')].purpose").isEqualTo("反映食堂卫生问题")
                .jsonPath("$[?(@.id == '" + entryId + "')].visitorName").isEqualTo("王某");
        http.get().uri("/api/v1/visits/{id}", entryId).headers(h -> tenancy(h, Role.DEPUTY_LEADER, IntakeTestSupport.SCHOOL))
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.phone").isEqualTo("13800000000");
        // Departments do not keep the gate register; nor does the bureau.
        http.get().uri("/api/v1/visits").headers(h -> tenancy(h, Role.DEPARTMENT_HANDLER, IntakeTestSupport.SCHOOL))
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/v1/visits/{id}", entryId).headers(h -> tenancy(h, Role.CLERK, IntakeTestSupport.OTHER_SCHOOL))
                .exchange().expectStatus().isNotFound();

        JsonNode petition = post("/api/v1/visits/" + entryId + "/petition", Role.CLERK, IntakeTestSupport.SCHOOL,
                IntakeTestSupport.GROUP_PETITION).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(petition.get("channel").asString()).isEqualTo("VISIT");
        assertThat(petition.get("state").asString()).isEqualTo("RECEIVED");
        post("/api/v1/visits/" + entryId + "/petition", Role.CLERK, IntakeTestSupport.SCHOOL,
                IntakeTestSupport.GROUP_PETITION).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.id").isEqualTo(petition.get("id").asString());
        http.get().uri("/api/v1/visits").headers(h -> tenancy(h, Role.CLERK, IntakeTestSupport.SCHOOL))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + entryId + "')].petitionId").isEqualTo(petition.get("id").asString());
    }

    @Test
    void badEntriesAndForeignOnesAreRefused() {
        post("/api/v1/visits", Role.CLERK, IntakeTestSupport.SCHOOL, "{\"kind\":\"DRONE\",\"purpose\":\"x\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("kind");
        post("/api/v1/visits", Role.CLERK, IntakeTestSupport.SCHOOL, "{\"kind\":\"CALL\",\"purpose\":{\"$ne\":1}}")
                .expectStatus().isBadRequest();
        http.post().uri("/api/v1/visits").header("X-District", IntakeTestSupport.DISTRICT)
                .header("X-School", IntakeTestSupport.SCHOOL).contentType(MediaType.APPLICATION_JSON).bodyValue(VISIT)
                .exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/v1/gate/entries").headers(h -> tenancy(h, Role.CLERK, IntakeTestSupport.SCHOOL))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(VISIT).exchange().expectStatus().isNotFound();
        String call = post("/api/v1/visits", Role.CLERK, IntakeTestSupport.SCHOOL,
                "{\"kind\":\"CALL\",\"purpose\":\"询问转学政策\"}").expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        post("/api/v1/visits/" + call + "/petition", Role.CLERK, IntakeTestSupport.SCHOOL,
                IntakeTestSupport.GROUP_PETITION).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("channel");
        post("/api/v1/visits/" + call + "/petition", Role.CLERK, IntakeTestSupport.OTHER_SCHOOL,
                IntakeTestSupport.GROUP_PETITION.replace("VISIT", "PHONE")).expectStatus().isNotFound();
    }

    @Test
    void aDaysRegisterIsTheDistrictsDayNotUtcs() {
        // 23:30 and 00:30 in Beijing, on either side of its midnight; both on 20 November in UTC.
        String late = logArrivedAt("2026-11-20T15:30:00Z");
        String early = logArrivedAt("2026-11-20T16:30:00Z");
        http.get().uri("/api/v1/visits?date=2026-11-20").headers(h -> tenancy(h, Role.CLERK, IntakeTestSupport.SCHOOL))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + late + "')]").isNotEmpty()
                .jsonPath("$[?(@.id == '" + early + "')]").isEmpty();
        http.get().uri("/api/v1/visits?date=2026-11-21").headers(h -> tenancy(h, Role.CLERK, IntakeTestSupport.SCHOOL))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + early + "')]").isNotEmpty()
                .jsonPath("$[?(@.id == '" + late + "')]").isEmpty();
    }

    private String logArrivedAt(String arrivedAt) {
        return post("/api/v1/visits", Role.CLERK, IntakeTestSupport.SCHOOL,
                "{\"kind\":\"VISIT\",\"purpose\":\"夜间来访\",\"arrivedAt\":\"" + arrivedAt + "\"}")
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
    }

    private WebTestClient.ResponseSpec post(String uri, Role role, String school, String body) {
        return http.post().uri(uri).headers(h -> tenancy(h, role, school))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static void tenancy(org.springframework.http.HttpHeaders h, Role role, String school) {
        h.set("Authorization", IntakeTestSupport.bearer(school, role));
    }
}
