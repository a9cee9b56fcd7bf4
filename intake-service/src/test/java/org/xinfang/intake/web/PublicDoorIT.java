package org.xinfang.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import org.xinfang.contracts.event.Deadlines;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionEvaluated;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Satisfaction;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.intake.IntakeServiceTest;
import org.xinfang.intake.IntakeTestSupport;
import org.xinfang.intake.domain.WorkChallenge;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TopicTap;
import tools.jackson.databind.JsonNode;

/**
 * The public door without a token: submit with a solved challenge, get a query code once, look the petition up with
 * it (never the identity), the same 404 for a wrong and an unknown code, lockout, challenge reuse, idempotent retry,
 * evaluation once and only when closed, and no identity in any event.
 */
@IntakeServiceTest
@TestPropertySource(properties = {"xinfang.intake.public-door.challenge-difficulty=6",
        "xinfang.intake.public-door.wrong-codes-allowed=3"})
class PublicDoorIT {

    private static final String NAME = "赵某某";
    private static final String PHONE = "13912345678";

    @RegisterExtension
    static final TopicTap tap = Infrastructure.shared().tap();

    @Autowired
    WebTestClient http;

    @Test
    void aSubmissionGivesACodeOnceThatFindsThePetitionWithoutIdentityAndEntersTheSameLifeCycle() {
        JsonNode receipt = submit(body(solved(), "家长反映食堂饭菜变质", true), null, "198.51.100.1")
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String code = receipt.get("queryCode").asString();
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(receipt.get("anonymous").asBoolean()).isFalse();
        assertThat(receipt.get("acceptBy").asString()).endsWith("24:00");

        JsonNode seen = lookUp(code, "198.51.100.1").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(seen.get("number").asString()).isEqualTo(receipt.get("number").asString());
        assertThat(seen.get("stateName").asString()).isEqualTo("已登记");
        assertThat(seen.get("schoolName").asString()).isEqualTo("东区第一小学");
        assertThat(seen.get("deadline").get("endsAt").asString()).matches("\\d{4}年\\d{1,2}月\\d{1,2}日 24:00");
        assertThat(seen.toString()).doesNotContain(NAME).doesNotContain(PHONE).doesNotContain("history");
        // The code in another case and without dashes is the same code.
        lookUp(code.replace("-", "").toLowerCase(), "198.51.100.1").expectStatus().isOk();

        String petitionId = idOf(receipt.get("number").asString());
        PetitionReceived received = tap.awaitOne(Topics.PETITION_RECEIVED,
                e -> petitionId.equals(e.meta().petitionId()), Duration.ofSeconds(20));
        assertThat(received.channel()).isEqualTo(Channel.ONLINE);
        assertThat(received.meta().school()).isEqualTo(IntakeTestSupport.SCHOOL);
        assertThat(new String(EventJson.write(received), StandardCharsets.UTF_8)).doesNotContain(NAME)
                .doesNotContain(PHONE).doesNotContain(code);

        // The school's clerk sees it among the school's petitions, with the identity sealed for them.
        JsonNode clerkView = http.get().uri("/api/v1/petitions/{id}", received.meta().petitionId())
                .header("Authorization", IntakeTestSupport.bearer(Role.CLERK)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(clerkView.get("channel").asString()).isEqualTo("ONLINE");
        assertThat(clerkView.get("petitioners").toString()).contains(NAME);
        assertThat(clerkView.toString()).doesNotContain(code).doesNotContain(code.replace("-", ""));
    }

    @Test
    void aWrongAndAnUnknownCodeAreTheSame404AndRepeatedWrongCodesLockTheAddressOut() {
        String address = "203.0.113.77";
        String malformed = problem(lookUp("not-a-code", address), 404);
        String unknown = problem(lookUp("ABCD-EFGH-JKMN-PQRS", address), 404);
        assertThat(unknown).isEqualTo(malformed);
        lookUp("ABCD-EFGH-JKMN-PQRT", address).expectStatus().isNotFound();
        // Three wrong codes used up: even a right one waits now, and says how long.
        String code = submit(body(solved(), "校门口交通拥堵", false), null, "198.51.100.2").expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("queryCode").asString();
        lookUp(code, address).expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", s -> assertThat(Long.parseLong(s)).isPositive());
        lookUp(code, "203.0.113.78").expectStatus().isOk();
    }

    @Test
    void aChallengeServesOneSubmissionAndBadInputIsRefusedInChineseStoringNothing() {
        String challenge = solved();
        submit(body(challenge, "第一件", false), null, "198.51.100.3").expectStatus().isCreated();
        submit(body(challenge, "第二件", false), null, "198.51.100.3").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("challenge")
                .jsonPath("$.errors[0].reason").isEqualTo("验证题已经用过，请重新获取");
        submit("{\"district\":\"d-east\",\"school\":\"s-nowhere\",\"title\":\"\",\"description\":\"x\","
                + "\"phone\":\"12\",\"subject\":\"天气\",\"challenge\":\"w1.x\",\"solution\":\"1\"}", null,
                "198.51.100.3").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString())
                        .contains("title").contains("phone").contains("subject"))
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("请填写标题"));
        submit("not json", null, "198.51.100.3").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
        // An unsolved challenge is refused before anything is written.
        String unsolved = http.get().uri("/public/v1/challenge").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("challenge").asString();
        String wrong = body(unsolved, "未解的题", false).replaceFirst("\"solution\":\"[^\"]+\"", "\"solution\":\"zz\"");
        if (!WorkChallenge.solves(unsolved, "zz", 6)) {
            submit(wrong, null, "198.51.100.3").expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("solution");
        }
        assertThat(tap.collect(Topics.PETITION_RECEIVED, e -> "未解的题".equals(e.title()), Duration.ofSeconds(2)))
                .isEmpty();
    }

    @Test
    void aRetryUnderTheSameIdempotencyKeyAnswersTheSamePetitionAndCode() {
        String body = body(solved(), "重复提交的问题", true);
        JsonNode first = submit(body, "public-key-0001", "198.51.100.4").expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotent-Replayed")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode again = submit(body, "public-key-0001", "198.51.100.4").expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(again.get("queryCode").asString()).isEqualTo(first.get("queryCode").asString());
        assertThat(again.get("number").asString()).isEqualTo(first.get("number").asString());
        submit(body(solved(), "另一件事", true), "public-key-0001", "198.51.100.4").expectStatus().isEqualTo(422);
        assertThat(tap.collect(Topics.PETITION_RECEIVED, e -> "重复提交的问题".equals(e.title()),
                Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void anEvaluationIsTakenOnceAndOnlyWhenClosedAndPublishedWithoutIdentityOrComment() {
        JsonNode receipt = submit(body(solved(), "食堂卫生问题", true), null, "198.51.100.5").expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String code = receipt.get("queryCode").asString();
        String early = "{\"code\":\"" + code + "\",\"satisfaction\":\"满意\"}";
        evaluate(early, "198.51.100.5").expectStatus().isEqualTo(409);

        String id = idOf(receipt.get("number").asString());
        close(id);
        JsonNode closed = lookUp(code, "198.51.100.5").expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(closed.get("stateName").asString()).isEqualTo("已结案");
        assertThat(closed.get("reply").asString()).isEqualTo("已对食堂进行整改。");
        assertThat(closed.get("departmentName").asString()).isEqualTo("后勤处");
        assertThat(closed.get("canEvaluate").asBoolean()).isTrue();

        String rating = "{\"code\":\"" + code + "\",\"satisfaction\":\"不满意\",\"comment\":\"整改不到位，赵某某说的\"}";
        JsonNode rated = evaluate(rating, "198.51.100.5").expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(rated.get("evaluation").get("satisfactionName").asString()).isEqualTo("不满意");
        assertThat(rated.get("canEvaluate").asBoolean()).isFalse();
        assertThat(rated.get("review").get("stepName").asString()).isEqualTo("复查");
        assertThat(rated.get("review").get("until").asString()).endsWith("24:00");
        evaluate(rating, "198.51.100.5").expectStatus().isEqualTo(409);
        evaluate("{\"code\":\"" + code + "\",\"satisfaction\":\"还行\"}", "198.51.100.5").expectStatus()
                .isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("satisfaction");

        List<PetitionEvaluated> events = awaitEvaluations(id);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).satisfaction()).isEqualTo(Satisfaction.UNSATISFIED);
        assertThat(events.get(0).department()).isEqualTo(IntakeTestSupport.DEPARTMENT);
        assertThat(new String(EventJson.write(events.get(0)), StandardCharsets.UTF_8)).doesNotContain(NAME)
                .doesNotContain(PHONE).doesNotContain("整改不到位");
    }

    private List<PetitionEvaluated> awaitEvaluations(String id) {
        IntakeTestSupport.await("evaluation published", Duration.ofSeconds(20), () -> !tap.collect(
                Topics.PETITION_EVALUATED, e -> id.equals(e.meta().petitionId()), Duration.ofMillis(500)).isEmpty());
        return tap.collect(Topics.PETITION_EVALUATED, e -> id.equals(e.meta().petitionId()), Duration.ofSeconds(2));
    }

    private void close(String id) {
        tap.publish(Topics.PETITION_ROUTED, new PetitionRouted(
                EventMeta.forPetition(PetitionRouted.class, IntakeTestSupport.DISTRICT, IntakeTestSupport.SCHOOL, id,
                        Instant.now()),
                "received-" + id, Subject.HYGIENE, IntakeTestSupport.DEPARTMENT, List.of(), EmergencyLevel.ROUTINE,
                List.of(), "test", new Deadlines(Instant.now().plus(Duration.ofDays(15)), 60, 30)));
        IntakeTestSupport.await("routed", Duration.ofSeconds(20), () -> "ROUTED".equals(http.get()
                .uri("/api/v1/petitions/{id}", id).header("Authorization", IntakeTestSupport.bearer(Role.CLERK))
                .exchange().expectBody(JsonNode.class).returnResult().getResponseBody().get("state").asString()));
        String handler = IntakeTestSupport.handler(IntakeTestSupport.DEPARTMENT);
        step(id, "accept", handler, "{}");
        step(id, "start", handler, "{}");
        step(id, "resolve", handler, "{\"reply\":\"已对食堂进行整改。\"}");
        step(id, "close", IntakeTestSupport.bearer(Role.CLERK), "{}");
    }

    private void step(String id, String action, String bearer, String body) {
        http.post().uri("/api/v1/petitions/{id}/actions/{action}", id, action).header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk();
    }

    /** A challenge from the door, solved here as a browser would. */
    private String solved() {
        JsonNode c = http.get().uri("/public/v1/challenge").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String challenge = c.get("challenge").asString();
        int bits = c.get("difficulty").asInt();
        for (int i = 0; ; i++) {
            if (WorkChallenge.solves(challenge, Integer.toString(i, 36), bits)) {
                return challenge + "|" + Integer.toString(i, 36);
            }
        }
    }

    /**
     * The petition behind a number, as the school's clerk finds it. Numbers are unique per school and year within one
     * store, and other test classes on the same broker number their own petitions from 1 too: events are matched by
     * the id, never by the number.
     */
    private String idOf(String number) {
        JsonNode page = http.get().uri(b -> b.path("/api/v1/petitions").queryParam("number", "{n}").build(number))
                .header("Authorization", IntakeTestSupport.bearer(Role.CLERK)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(page.get("items")).as("petitions numbered %s", number).hasSize(1);
        return page.get("items").get(0).get("id").asString();
    }

    private static String body(String solvedChallenge, String title, boolean named) {
        String[] parts = solvedChallenge.split("\\|");
        String solution = parts.length > 1 ? parts[1] : "0";
        return "{\"district\":\"d-east\",\"school\":\"s-east-01\",\"subject\":\"不确定\",\"title\":\"" + title
                + "\",\"description\":\"" + title + "，希望学校尽快处理。\""
                + (named ? ",\"name\":\"" + NAME + "\",\"phone\":\"" + PHONE + "\",\"relation\":\"家长\"" : "")
                + ",\"challenge\":\"" + parts[0] + "\",\"solution\":\"" + solution + "\"}";
    }

    private WebTestClient.ResponseSpec submit(String body, String key, String address) {
        WebTestClient.RequestBodySpec request = http.post().uri("/public/v1/petitions")
                .header(ClientAddress.HEADER, address);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec lookUp(String code, String address) {
        return http.post().uri("/public/v1/petitions/lookup").header(ClientAddress.HEADER, address)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"code\":\"" + code + "\"}").exchange();
    }

    private WebTestClient.ResponseSpec evaluate(String body, String address) {
        return http.post().uri("/public/v1/petitions/evaluation").header(ClientAddress.HEADER, address)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** A problem's type, title and detail: what a prober could compare between two answers. */
    private String problem(WebTestClient.ResponseSpec answer, int status) {
        JsonNode p = answer.expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        return p.get("type").asString() + "|" + p.get("title").asString() + "|" + p.get("detail").asString();
    }
}
