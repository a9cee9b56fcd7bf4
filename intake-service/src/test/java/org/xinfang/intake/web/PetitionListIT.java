package org.xinfang.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import com.mongodb.reactivestreams.client.MongoClient;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
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
import org.xinfang.localstack.testing.TestIssuer;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TopicTap;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The school's register with filters and cursor pages, and a department's inbox; a department handler lists only
 * what is routed to or co-handled by its department and opens only its own inbox.
 */
@IntakeServiceTest
class PetitionListIT {

    private static final String SCHOOL = "s-list-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String LOGISTICS = "LOGISTICS";
    private static final String OFFICE = "GENERAL_OFFICE";
    private static final String INDIVIDUAL_PHONE = """
            {"channel":"PHONE","form":"INDIVIDUAL","headcount":1,"anonymous":false,
             "petitioners":[{"name":"张某","relation":"TEACHER"}],"title":"工资发放","description":"反映工资迟发。"}""";

    @Autowired
    MongoClient mongo;

    @Value("${xinfang.mongo.database}")
    String database;

    @Autowired
    WebTestClient http;

    @RegisterExtension
    static final TopicTap tap = Infrastructure.shared().tap();
    private static final List<String> groups = new ArrayList<>();
    private static final List<String> individuals = new ArrayList<>();

    private synchronized void seed() {
        if (!groups.isEmpty()) {
            return;
        }
        for (int i = 0; i < 15; i++) {
            groups.add(register(IntakeTestSupport.GROUP_PETITION));
        }
        for (int i = 0; i < 10; i++) {
            individuals.add(register(INDIVIDUAL_PHONE));
        }
        // Three group petitions go to Logistics, one individual petition to the General Office with Logistics
        // co-handling it. Routing's dates are ignored: intake counted the deadlines on receipt.
        route(groups.get(0), LOGISTICS, List.of(), Instant.now().plus(Duration.ofDays(90)));
        route(groups.get(1), LOGISTICS, List.of(), Instant.now().plus(Duration.ofDays(90)));
        route(groups.get(2), LOGISTICS, List.of(), Instant.now().plus(Duration.ofDays(90)));
        route(individuals.get(0), OFFICE, List.of(LOGISTICS), Instant.now().plus(Duration.ofDays(90)));
        IntakeTestSupport.await("four petitions routed", Duration.ofSeconds(20),
                () -> list("state=ROUTED&limit=100").get("items").size() == 4);
        // As if they had been received on other days: one already overdue to accept, two due later.
        dueAt(groups.get(0), Instant.now().minus(Duration.ofDays(1)));
        dueAt(groups.get(1), Instant.now().plus(Duration.ofDays(10)));
        dueAt(groups.get(2), Instant.now().plus(Duration.ofDays(5)));
    }

    private void dueAt(String id, Instant due) {
        java.util.Date at = java.util.Date.from(due);
        Mono.from(mongo.getDatabase(database).getCollection("petitions", Document.class).updateOne(
                new Document("_id", id), new Document("$set", new Document("dueBy", at).append("handling.dueBy", at)
                        .append("handling.due.dueBy", at)))).block(Duration.ofSeconds(5));
    }

    @Test
    void cursorPagesVisitEveryPetitionOnceNewestFirst() {
        seed();
        List<String> seen = new ArrayList<>();
        List<Instant> received = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = list("limit=10" + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("items").forEach(item -> {
                seen.add(item.get("id").asString());
                received.add(Instant.parse(item.get("receivedAt").asString()));
            });
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).containsAll(groups).containsAll(individuals);
        for (int i = 1; i < received.size(); i++) {
            assertThat(received.get(i)).isBeforeOrEqualTo(received.get(i - 1));
        }
        assertThat(list("limit=100").toString()).as("lists carry no identity").doesNotContain("王某").doesNotContain("张某");
    }

    @Test
    void filtersNarrowTheList() {
        seed();
        assertThat(ids("form=INDIVIDUAL&limit=100")).containsExactlyInAnyOrderElementsOf(individuals);
        assertThat(ids("channel=VISIT&limit=100")).containsExactlyInAnyOrderElementsOf(groups);
        assertThat(ids("department=" + LOGISTICS)).containsExactlyInAnyOrder(groups.get(0), groups.get(1), groups.get(2));
        assertThat(ids("state=ROUTED&form=INDIVIDUAL")).containsExactly(individuals.get(0));
        assertThat(ids("state=RECEIVED,ROUTED&limit=100")).hasSize(25);
        assertThat(ids("level=ELEVATED&limit=100")).hasSize(4);
        assertThat(ids("subject=HYGIENE&limit=100")).hasSize(4);
        assertThat(ids("overdue=true")).containsExactly(groups.get(0));
        assertThat(ids("overdue=false&limit=100")).hasSize(24);
        // from and to are the district's days (the default rules' zone), not UTC's: between 16:00 and 24:00 UTC
        // Beijing is already on the next day.
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(ids("from=" + today + "&to=" + today + "&limit=100")).hasSize(25);
        assertThat(ids("to=" + today.minusDays(1))).isEmpty();
        assertThat(ids("from=" + today.plusDays(1))).isEmpty();
    }

    @Test
    void theInboxShowsADepartmentsOpenPetitionsSoonestDeadlineFirst() {
        seed();
        JsonNode inbox = get("/api/v1/departments/" + LOGISTICS + "/inbox?limit=2");
        List<String> first = new ArrayList<>();
        inbox.get("items").forEach(i -> first.add(i.get("id").asString()));
        assertThat(first).containsExactly(groups.get(0), groups.get(2));
        assertThat(inbox.get("items").get(0).get("overdue").asBoolean()).isTrue();
        JsonNode rest = get("/api/v1/departments/" + LOGISTICS + "/inbox?limit=2&cursor=" + inbox.get("nextCursor").asString());
        assertThat(rest.get("items")).hasSize(1);
        assertThat(rest.get("items").get(0).get("id").asString()).isEqualTo(groups.get(1));
        assertThat(rest.get("nextCursor").isNull()).isTrue();
        assertThat(get("/api/v1/departments/ACADEMIC_AFFAIRS/inbox").get("items")).isEmpty();
    }

    @Test
    void aDepartmentHandlerListsOnlyItsDepartmentsShare() {
        seed();
        String logistics = handler(LOGISTICS);
        assertThat(ids(logistics, "limit=100")).as("routed to Logistics, or co-handled by it")
                .containsExactlyInAnyOrder(groups.get(0), groups.get(1), groups.get(2), individuals.get(0));
        assertThat(ids(logistics, "department=" + OFFICE)).containsExactly(individuals.get(0));
        assertThat(ids(logistics, "form=GROUP&limit=100")).hasSize(3);
        assertThat(ids(handler("ACADEMIC_AFFAIRS"), "limit=100")).isEmpty();
        assertThat(getAs(logistics, "/api/v1/petitions?limit=100").toString()).doesNotContain("王某").doesNotContain("张某");

        List<String> inbox = new ArrayList<>();
        getAs(logistics, "/api/v1/departments/" + LOGISTICS + "/inbox").get("items")
                .forEach(i -> inbox.add(i.get("id").asString()));
        assertThat(inbox).as("its own inbox: what it has to act on").containsExactly(groups.get(0), groups.get(2),
                groups.get(1));
        http.get().uri("/api/v1/departments/" + OFFICE + "/inbox").header("Authorization", logistics)
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(getAs(TestIssuer.shared().school(IntakeTestSupport.DISTRICT, SCHOOL, Role.LEADER).bearer(),
                "/api/v1/departments/" + OFFICE + "/inbox").get("items")).hasSize(1);
        http.get().uri("/api/v1/petitions").header("Authorization",
                        IntakeTestSupport.bearer(IntakeTestSupport.DISTRICT, null, Role.BUREAU_ANALYST))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void badQueriesAreRefusedNamingTheParameter() {
        for (String[] bad : new String[][] {{"limit=0", "limit"}, {"limit=1000", "limit"}, {"limit=ten", "limit"},
                {"state=LOST", "state"}, {"form=CROWD", "form"}, {"cursor=bm90LWEtY3Vyc29y", "cursor"},
                {"from=2026-13-01", "from"}, {"overdue=maybe", "overdue"}, {"$where=1", "$where"},
                {"from=2026-03-02&to=2026-03-01", "to"}, {"department=a%20b", "department"}, {"limit=1&limit=2", "limit"}}) {
            http.get().uri("/api/v1/petitions?" + bad[0]).header("Authorization", clerk())
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(bad[1]);
        }
    }

    private List<String> ids(String query) {
        return ids(clerk(), query);
    }

    private List<String> ids(String bearer, String query) {
        List<String> ids = new ArrayList<>();
        getAs(bearer, "/api/v1/petitions?" + query).get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    private JsonNode list(String query) {
        return get("/api/v1/petitions?" + query);
    }

    private JsonNode get(String uri) {
        return getAs(clerk(), uri);
    }

    private JsonNode getAs(String bearer, String uri) {
        return http.get().uri(uri).header("Authorization", bearer)
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private String register(String body) {
        return http.post().uri("/api/v1/petitions").header("Authorization", clerk())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
    }

    private static String clerk() {
        return TestIssuer.shared().school(IntakeTestSupport.DISTRICT, SCHOOL, Role.CLERK).bearer();
    }

    private static String handler(String department) {
        return TestIssuer.shared().department(IntakeTestSupport.DISTRICT, SCHOOL, department).bearer();
    }

    private static void route(String id, String department, List<String> coDepartments, Instant acceptBy) {
        tap.publish(Topics.PETITION_ROUTED, new PetitionRouted(
                EventMeta.forPetition(PetitionRouted.class, IntakeTestSupport.DISTRICT, SCHOOL, id, Instant.now()),
                "received-" + id, Subject.HYGIENE, department, coDepartments, EmergencyLevel.ELEVATED, List.of(), "test",
                new Deadlines(acceptBy, 60, 30)));
    }
}
