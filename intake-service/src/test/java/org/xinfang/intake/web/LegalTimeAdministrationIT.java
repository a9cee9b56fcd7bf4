package org.xinfang.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.intake.IntakeServiceTest;
import org.xinfang.intake.IntakeTestSupport;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The district administrator keeps the calendars and the legal rules through the API, with history; bad input is a
 * 400 naming the field and stores nothing; a petition registered afterwards is counted by what was saved and says so.
 */
@IntakeServiceTest
class LegalTimeAdministrationIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** The district whose administrator saves versions here; the other tests read d-east, which saves nothing. */
    private static final String SAVING = "d-south";
    private static final String SAVING_SCHOOL = "s-south-01";

    @Autowired
    WebTestClient http;

    @Autowired
    MongoClient mongo;

    @Value("${xinfang.mongo.database}")
    String database;

    @Test
    void theNationalCalendarIsInForceUntilTheDistrictSavesItsOwnAndAnUnpublishedYearSaysSo() {
        JsonNode y2026 = get("/api/v1/calendars/2026", Role.CLERK);
        assertThat(y2026.get("owner").asString()).isEqualTo("national");
        assertThat(y2026.get("published").asBoolean()).isTrue();
        assertThat(y2026.get("versionName").asString()).isEqualTo("national-2026-v1");
        assertThat(y2026.get("holidays").toString()).contains("国庆节").contains("2026-10-07");
        assertThat(y2026.get("workingDays").toString()).contains("2026-10-10");
        JsonNode y2027 = get("/api/v1/calendars/2027", Role.ADMINISTRATOR);
        assertThat(y2027.get("published").asBoolean()).isFalse();
        assertThat(y2027.get("holidays")).isEmpty();
        assertThat(y2027.get("source").asString()).contains("尚未录入");
        JsonNode y2030 = get("/api/v1/calendars/2030", Role.ADMINISTRATOR);
        assertThat(y2030.get("published").asBoolean()).as("a year with no file at all").isFalse();
    }

    @Test
    void aContradictoryCalendarIsRefusedNamingTheFieldsAndNothingIsStored() {
        String overlapping = """
                {"published":true,"source":"国务院办公厅通知","holidays":[
                  {"name":"国庆节","from":"2026-10-01","to":"2026-10-07"},
                  {"name":"校庆","from":"2026-10-06","to":"2026-10-08"}],
                 "workingDays":[{"name":"调休上班","from":"2026-10-04"},{"name":"调休上班","from":"2026-10-12"}]}""";
        put("/api/v1/calendars/2026", Role.ADMINISTRATOR, overlapping).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'holidays[1]')]").exists()
                .jsonPath("$.errors[?(@.field == 'workingDays[0]')]").exists()
                .jsonPath("$.errors[?(@.field == 'workingDays[1]')]").exists();
        put("/api/v1/calendars/2026", Role.ADMINISTRATOR, "{\"published\":true,\"holidays\":[{\"name\":\"x\",\"from\":\"10月1日\"}]}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field == 'holidays[0].from')]").exists();
        put("/api/v1/calendars/1999", Role.ADMINISTRATOR, "{\"published\":false}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("year");
        assertThat(count("calendars")).as("nothing stored").isZero();
    }

    @Test
    void onlyTheAdministratorChangesCalendarsAndRules() {
        put("/api/v1/calendars/2026", Role.LEADER, "{\"published\":false}").expectStatus().isForbidden();
        put("/api/v1/legal-rules", Role.BUREAU_ANALYST, "{}").expectStatus().isForbidden();
    }

    @Test
    void badRulesAreRefusedByFieldAndNothingIsStored() {
        String rules = rules("Asia/Beijing", 0, "CALENDAR_DAYS").replace("\"handleWithin\":{\"days\":60,", "\"handleWithin\":{\"days\":-1,");
        put("/api/v1/legal-rules", Role.ADMINISTRATOR, rules).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'zone')]").exists()
                .jsonPath("$.errors[?(@.field == 'acceptWithin.days')]").exists()
                .jsonPath("$.errors[?(@.field == 'handleWithin.days')]").exists();
        put("/api/v1/legal-rules", Role.ADMINISTRATOR, "{\"zone\":\"Asia/Shanghai\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(14);
        assertThat(count("legal_rules")).isZero();
    }

    @Test
    void savedVersionsAreKeptAndANewPetitionIsCountedByThem() {
        // A local closure on every remaining weekday of the year (the district closed its schools), version 1, then
        // version 2 without it: both stay in the history.
        LocalDate today = LocalDate.now(BEIJING);
        int year = today.getYear();
        String closure = """
                {"published":true,"source":"国务院办公厅通知；区教育局停课通知","holidays":[
                  {"name":"停课","from":"%s","to":"%s-12-31"}],"workingDays":[]}""".formatted(today, year);
        JsonNode v1 = saving(http.put().uri("/api/v1/calendars/" + year), Role.ADMINISTRATOR, closure).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(v1.get("versionName").asString()).isEqualTo(SAVING + "-" + year + "-v1");
        assertThat(v1.get("savedBy").isNull()).isFalse();

        saving(http.put().uri("/api/v1/legal-rules"), Role.ADMINISTRATOR, rules("Asia/Shanghai", 3, "WORKING_DAYS")).expectStatus().isOk()
                .expectBody().jsonPath("$.versionName").isEqualTo(SAVING + "-1")
                .jsonPath("$.limits.acceptWithin.reads").isEqualTo("受理期限 3个工作日");

        JsonNode petition = register(SAVING, SAVING_SCHOOL);
        JsonNode deadline = petition.get("deadline");
        assertThat(deadline.get("step").asString()).isEqualTo("ACCEPT");
        assertThat(deadline.get("limit").asString()).isEqualTo("3个工作日");
        assertThat(deadline.get("rulesVersion").asString()).isEqualTo(SAVING + "-1");
        assertThat(deadline.get("calendarVersions").toString()).contains(SAVING + "-" + year + "-v1");
        LocalDate lastDay = LocalDate.parse(deadline.get("lastDay").asString());
        assertThat(lastDay.getYear()).as("no working day is left this year").isGreaterThan(year);
        ZonedDateTime due = Instant.parse(petition.get("dueBy").asString()).atZone(BEIJING);
        assertThat(due.toLocalTime()).as("24:00 of the last day, in Beijing").isEqualTo(java.time.LocalTime.MIDNIGHT);
        assertThat(due.toLocalDate()).isEqualTo(lastDay.plusDays(1));

        saving(http.put().uri("/api/v1/calendars/" + year), Role.ADMINISTRATOR, """
                {"published":true,"source":"国务院办公厅通知","holidays":[{"name":"元旦","from":"%d-01-01"}]}"""
                .formatted(year)).expectStatus().isOk()
                .expectBody().jsonPath("$.versionName").isEqualTo(SAVING + "-" + year + "-v2");
        JsonNode history = getIn(SAVING, "/api/v1/calendars/" + year + "/history", Role.ADMINISTRATOR);
        assertThat(history.get("versions")).hasSize(2);
        assertThat(history.get("versions").get(0).get("holidays").get(0).get("name").asString()).isEqualTo("停课");
        assertThat(getIn(SAVING, "/api/v1/calendars/" + year, Role.CLERK).get("version").asInt()).isEqualTo(2);

        String id = petition.get("id").asString();
        JsonNode again = http.get().uri("/api/v1/petitions/{id}", id)
                .header("Authorization", IntakeTestSupport.bearer(SAVING, SAVING_SCHOOL, Role.CLERK)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(again.get("deadline").get("calendarVersions").toString())
                .as("counted before the change, it keeps the version it was counted by")
                .contains(SAVING + "-" + year + "-v1");
        assertThat(again.get("dueBy").asString()).isEqualTo(petition.get("dueBy").asString());
        assertThat(getIn(SAVING, "/api/v1/legal-rules/history", Role.ADMINISTRATOR).get("versions")).hasSize(1);
    }

    private static String rules(String zone, int acceptDays, String acceptKind) {
        return """
                {"zone":"%s","acceptWithin":{"days":%d,"kind":"%s"},"handleWithin":{"days":60,"kind":"CALENDAR_DAYS"},
                 "extensionMax":{"days":30,"kind":"CALENDAR_DAYS"},"reviewRequestWithin":{"days":30,"kind":"CALENDAR_DAYS"},
                 "reviewAnswerWithin":{"days":30,"kind":"CALENDAR_DAYS"},"reReviewRequestWithin":{"days":30,"kind":"CALENDAR_DAYS"},
                 "reReviewAnswerWithin":{"days":30,"kind":"CALENDAR_DAYS"}}""".formatted(zone, acceptDays, acceptKind);
    }

    private WebTestClient.ResponseSpec saving(WebTestClient.RequestBodySpec request, Role role, String body) {
        return request.header("Authorization", IntakeTestSupport.bearer(SAVING, SAVING_SCHOOL, role))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private JsonNode getIn(String district, String uri, Role role) {
        return http.get().uri(uri).header("Authorization", IntakeTestSupport.bearer(district, SAVING_SCHOOL, role))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode register(String district, String school) {
        return http.post().uri("/api/v1/petitions").header("Authorization", IntakeTestSupport.bearer(district, school, Role.CLERK))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(IntakeTestSupport.GROUP_PETITION).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode get(String uri, Role role) {
        return http.get().uri(uri).header("Authorization", IntakeTestSupport.bearer(role)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec put(String uri, Role role, String body) {
        return http.put().uri(uri).header("Authorization", IntakeTestSupport.bearer(role))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private long count(String collection) {
        return Mono.from(mongo.getDatabase(database).getCollection(collection, Document.class)
                        .countDocuments(new Document("district", IntakeTestSupport.DISTRICT)))
                .block(Duration.ofSeconds(5));
    }
}
