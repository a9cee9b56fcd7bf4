package org.xinfang.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.access.TokenClaims;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.intake.IntakeServiceTest;
import org.xinfang.intake.IntakeTestSupport;
import org.xinfang.localstack.testing.TestIssuer;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TopicTap;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A corpus of malformed and hostile requests: registrations, gate-register entries and life-cycle steps. Each one is
 * refused with a 4xx problem (400 naming the field for injection attempts: Mongo operators as values, keys with dots
 * or dollars, bytes that are not UTF-8, oversized fields; 401/403 for tokens that do not allow the request), and at the
 * end nothing at all was stored or published for this test's district, and the petition the steps aimed at is unchanged.
 */
@IntakeServiceTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileRequestsIT {

    private static final String DISTRICT = "d-hostile-" + UUID.randomUUID().toString().substring(0, 8);
    /** The steps aim at a petition of its own district, so the count of {@link #DISTRICT} stays at zero. */
    private static final String TARGET_DISTRICT = "d-target-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String VISIT = """
            {"kind":"VISIT","visitorName":"王某","phone":"13800000000","headcount":2,"purpose":"反映食堂卫生问题"}""";
    private static final String STEP = "{\"reason\":\"不属于本校职责\"}";
    private static String target;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient http;

    @Value("${xinfang.mongo.database}")
    String database;

    record Case(String name, byte[] body, MediaType contentType, Consumer<HttpHeaders> headers, String expectedField) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        // Not JSON, or not one object.
        cases.add(raw("empty body", ""));
        cases.add(raw("JSON null", "null"));
        cases.add(raw("JSON array", "[]"));
        cases.add(raw("JSON string", "\"petition\""));
        cases.add(raw("JSON number", "42"));
        cases.add(raw("truncated JSON", "{\"channel\":"));
        cases.add(raw("trailing garbage", IntakeTestSupport.GROUP_PETITION + " {}"));
        cases.add(raw("duplicate key", IntakeTestSupport.GROUP_PETITION.replace("\"channel\":\"VISIT\"",
                "\"channel\":\"VISIT\",\"channel\":\"PHONE\"")));
        cases.add(raw("single quotes", "{'channel':'VISIT'}"));
        cases.add(raw("comment in JSON", "/* hi */" + IntakeTestSupport.GROUP_PETITION));
        // Bytes that are not UTF-8.
        cases.add(bytes("invalid UTF-8 start byte", withTitleBytes(new byte[] {(byte) 0xC3, 0x28})));
        cases.add(bytes("lone continuation byte", withTitleBytes(new byte[] {(byte) 0x80})));
        cases.add(bytes("overlong encoding of '/'", withTitleBytes(new byte[] {(byte) 0xC0, (byte) 0xAF})));
        cases.add(bytes("Latin-1 byte", withTitleBytes(new byte[] {(byte) 0xE9})));
        cases.add(bytes("truncated 3-byte sequence", withTitleBytes(new byte[] {(byte) 0xE5, (byte) 0x90})));
        // MongoDB operators and paths where data belongs.
        cases.add(tree("operator key at top level", p -> p.put("$where", "sleep(1000)"), "$where"));
        cases.add(tree("operator object as title", p -> p.putObject("title").put("$gt", ""), "title.$gt"));
        cases.add(tree("operator object as description", p -> p.putObject("description").putNull("$ne"), "description.$ne"));
        cases.add(tree("operator object as channel", p -> p.putObject("channel").putArray("$in").add("VISIT"), "channel.$in"));
        cases.add(tree("dotted key in petitioner", p -> ((ObjectNode) p.get("petitioners").get(0)).put("name.first", "x"),
                "petitioners[0].name.first"));
        cases.add(tree("operator inside petitioner", p -> ((ObjectNode) p.get("petitioners").get(0)).putObject("$set").put("a", 1),
                "petitioners[0].$set"));
        cases.add(tree("operator object as headcount", p -> p.putObject("headcount").put("$gt", 0), "headcount.$gt"));
        cases.add(tree("empty key", p -> p.put("", "x"), ""));
        // Wrong enums.
        cases.add(tree("lower-case channel", p -> p.put("channel", "visit"), "channel"));
        cases.add(tree("unknown channel", p -> p.put("channel", "PIGEON"), "channel"));
        cases.add(tree("unknown form", p -> p.put("form", "CROWD"), "form"));
        cases.add(tree("unknown relation", p -> ((ObjectNode) p.get("petitioners").get(0)).put("relation", "ENEMY"),
                "petitioners[0].relation"));
        cases.add(tree("unknown risk signal", p -> p.putArray("riskSignals").add("FIRE"), "riskSignals[0]"));
        cases.add(tree("risk signals not an array", p -> p.put("riskSignals", "VIOLENCE"), "riskSignals"));
        cases.add(tree("repeated risk signal", p -> p.putArray("riskSignals").add("VIOLENCE").add("VIOLENCE"), "riskSignals[1]"));
        cases.add(tree("subject UNKNOWN", p -> p.put("subject", "UNKNOWN"), "subject"));
        cases.add(tree("subject as number", p -> p.put("subject", 7), "subject"));
        cases.add(tree("missing channel", p -> p.remove("channel"), "channel"));
        // Headcount and representatives.
        cases.add(tree("headcount 0", p -> p.put("headcount", 0), "headcount"));
        cases.add(tree("negative headcount", p -> p.put("headcount", -5), "headcount"));
        cases.add(tree("fractional headcount", p -> p.put("headcount", 1.5), "headcount"));
        cases.add(tree("headcount as string", p -> p.put("headcount", "12"), "headcount"));
        cases.add(tree("headcount 1e10", p -> p.put("headcount", 1e10), "headcount"));
        cases.add(raw("headcount beyond 64 bits", IntakeTestSupport.GROUP_PETITION.replace("\"headcount\":12",
                "\"headcount\":99999999999999999999999")));
        cases.add(tree("missing headcount", p -> p.remove("headcount"), "headcount"));
        cases.add(tree("individual of three", p -> p.put("form", "INDIVIDUAL").put("headcount", 3), "headcount"));
        cases.add(tree("group of one", p -> p.put("headcount", 1), "headcount"));
        cases.add(tree("six representatives", p -> {
            ArrayNode people = p.putArray("petitioners");
            for (int i = 0; i < 6; i++) {
                people.addObject().put("name", "代表" + i).put("relation", "PARENT");
            }
        }, "petitioners"));
        cases.add(tree("more petitioners than people", p -> {
            p.put("headcount", 3);
            ArrayNode people = p.putArray("petitioners");
            for (int i = 0; i < 4; i++) {
                people.addObject().put("name", "家长" + i).put("relation", "PARENT");
            }
        }, "petitioners"));
        cases.add(tree("anonymous with a name", p -> p.put("anonymous", true), "petitioners[0]"));
        cases.add(tree("named without petitioners", p -> p.putArray("petitioners"), "petitioners"));
        cases.add(tree("petitioners as object", p -> p.putObject("petitioners").put("name", "x"), "petitioners"));
        cases.add(tree("petitioner as string", p -> p.putArray("petitioners").add("王某"), "petitioners[0]"));
        cases.add(tree("petitioner without relation", p -> ((ObjectNode) p.get("petitioners").get(0)).remove("relation"),
                "petitioners[0].relation"));
        // Sizes and characters.
        cases.add(tree("missing title", p -> p.remove("title"), "title"));
        cases.add(tree("blank title", p -> p.put("title", "   "), "title"));
        cases.add(tree("title of 201 characters", p -> p.put("title", "题".repeat(201)), "title"));
        cases.add(tree("description of 10,001 characters", p -> p.put("description", "述".repeat(10_001)), "description"));
        cases.add(tree("place of 201 characters", p -> p.put("place", "门".repeat(201)), "place"));
        cases.add(tree("name of 51 characters", p -> ((ObjectNode) p.get("petitioners").get(0)).put("name", "王".repeat(51)),
                "petitioners[0].name"));
        cases.add(tree("phone with words", p -> ((ObjectNode) p.get("petitioners").get(0)).put("phone", "call me"),
                "petitioners[0].phone"));
        cases.add(tree("phone with injection", p -> ((ObjectNode) p.get("petitioners").get(0))
                .put("phone", "13800000000'; DROP TABLE petitions;--"), "petitioners[0].phone"));
        cases.add(tree("ID number with symbols", p -> ((ObjectNode) p.get("petitioners").get(0)).put("idNumber", "11010<script>"),
                "petitioners[0].idNumber"));
        cases.add(tree("NUL in title", p -> p.put("title", "食堂\u0000卫生"), "title"));
        cases.add(tree("bell in title", p -> p.put("title", "食堂\u0007卫生"), "title"));
        cases.add(tree("escape sequence in place", p -> p.put("place", "\u001b[31m门"), "place"));
        cases.add(tree("lone surrogate in description", p -> p.put("description", "反映\ud800问题"), "description"));
        cases.add(tree("right-to-left override in title", p -> p.put("title", "食堂\u202e生卫"), "title"));
        cases.add(tree("escalated as string", p -> p.put("escalated", "yes"), "escalated"));
        cases.add(tree("anonymous as number", p -> p.put("anonymous", 1), "anonymous"));
        cases.add(tree("occurredAt not an instant", p -> p.put("occurredAt", "yesterday"), "occurredAt"));
        cases.add(tree("occurredAt in the future", p -> p.put("occurredAt", "2999-01-01T00:00:00Z"), "occurredAt"));
        cases.add(tree("tenancy in the body", p -> p.put("district", "d-west"), "district"));
        cases.add(tree("id chosen by the client", p -> p.put("id", "00000000-0000-0000-0000-000000000000"), "id"));
        cases.add(tree("state chosen by the client", p -> p.put("state", "CLOSED"), "state"));
        cases.add(raw("nesting bomb", IntakeTestSupport.GROUP_PETITION.replace("\"place\":\"学校正门\"",
                "\"place\":" + "[".repeat(500) + "]".repeat(500))));
        // More injection: operators where a value belongs, keys with dots or dollars, extended JSON.
        cases.add(tree("$where object as description", p -> p.putObject("description").put("$where", "sleep(1000)"),
                "description.$where"));
        cases.add(tree("$regex as petitioner name", p -> ((ObjectNode) p.get("petitioners").get(0)).putObject("name")
                .put("$regex", ".*"), "petitioners[0].name.$regex"));
        cases.add(tree("$gt as subject", p -> p.putObject("subject").put("$gt", ""), "subject.$gt"));
        cases.add(tree("$ne as escalated", p -> p.putObject("escalated").put("$ne", false), "escalated.$ne"));
        cases.add(tree("$date as occurredAt", p -> p.putObject("occurredAt").put("$date", "2026-01-01T00:00:00Z"),
                "occurredAt.$date"));
        cases.add(tree("operator inside risk signals", p -> p.putArray("riskSignals").addObject().put("$gt", ""),
                "riskSignals[0].$gt"));
        cases.add(tree("dotted key at top level", p -> p.put("title.zh", "食堂"), "title.zh"));
        cases.add(tree("key of only a dollar", p -> p.put("$", "x"), "$"));
        cases.add(new Case("escaped dollar key", IntakeTestSupport.GROUP_PETITION.replace("{\"channel\"",
                "{\"\\u0024where\":\"1\",\"channel\"").getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON,
                h -> { }, "$where"));
        cases.add(bytes("UTF-8 encoded surrogate", withTitleBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})));
        cases.add(bytes("five-byte sequence", withTitleBytes(new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80,
                (byte) 0x80, (byte) 0x80})));
        cases.add(tree("ID number of 65 characters", p -> ((ObjectNode) p.get("petitioners").get(0))
                .put("idNumber", "1".repeat(65)), "petitioners[0].idNumber"));
        cases.add(header("idempotency key of 129 characters", h -> h.set("Idempotency-Key", "k".repeat(129)),
                "Idempotency-Key"));
        // Tokens that do not allow a registration: the tenancy comes from a verified token only.
        cases.add(header("no token, tenancy headers instead", h -> {
            h.remove("Authorization");
            h.set("X-District", DISTRICT);
            h.set("X-School", IntakeTestSupport.SCHOOL);
            h.set("X-Role", "CLERK");
        }, null));
        cases.add(header("not a token", h -> h.set("Authorization", "Bearer not-a-token"), null));
        cases.add(header("basic credentials", h -> h.set("Authorization", "Basic YWRtaW46YWRtaW4="), null));
        cases.add(header("operator as the district claim", h -> h.set("Authorization", TestIssuer.shared()
                .school(DISTRICT, IntakeTestSupport.SCHOOL, Role.CLERK).claim(TokenClaims.DISTRICT, "{\"$ne\":null}")
                .bearer()), null));
        cases.add(header("injection in the school claim", h -> h.set("Authorization", TestIssuer.shared()
                .school(DISTRICT, IntakeTestSupport.SCHOOL, Role.CLERK).claim(TokenClaims.SCHOOL, "s-east-01'; --")
                .bearer()), null));
        cases.add(header("unknown role claim", h -> h.set("Authorization", TestIssuer.shared()
                .school(DISTRICT, IntakeTestSupport.SCHOOL, Role.CLERK).claim(TokenClaims.ROLES, List.of("GOD"))
                .bearer()), null));
        cases.add(header("a department handler registers", h -> h.set("Authorization",
                TestIssuer.shared().department(DISTRICT, IntakeTestSupport.SCHOOL, IntakeTestSupport.DEPARTMENT).bearer()), null));
        cases.add(header("the bureau registers", h -> h.set("Authorization",
                TestIssuer.shared().district(DISTRICT, Role.BUREAU_DUTY_OFFICER).bearer()), null));
        // Transport and headers.
        cases.add(new Case("body over the size limit", ("{\"title\":\"" + "x".repeat(300_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON, h -> { }, null));
        cases.add(new Case("text/plain body", IntakeTestSupport.GROUP_PETITION.getBytes(StandardCharsets.UTF_8),
                MediaType.TEXT_PLAIN, h -> { }, null));
        cases.add(new Case("form-encoded body", "channel=VISIT".getBytes(StandardCharsets.UTF_8),
                MediaType.APPLICATION_FORM_URLENCODED, h -> { }, null));
        cases.add(header("idempotency key too short", h -> h.set("Idempotency-Key", "abc"), "Idempotency-Key"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @Order(1)
    void isRefusedWithAProblem(Case hostile) {
        EntityExchangeResult<byte[]> result = http.post().uri("/api/v1/petitions")
                .headers(h -> {
                    h.set("Authorization", clerk(DISTRICT));
                    h.setContentType(hostile.contentType());
                    hostile.headers().accept(h);
                })
                .bodyValue(hostile.body())
                .exchange()
                .expectBody().returnResult();
        assertRefused(hostile, result);
    }

    static Stream<Case> visitCorpus() {
        List<Case> cases = new ArrayList<>();
        cases.add(visit("$where as purpose", v -> v.putObject("purpose").put("$where", "sleep(1000)"), "purpose.$where"));
        cases.add(visit("$gt as visitor name", v -> v.putObject("visitorName").put("$gt", ""), "visitorName.$gt"));
        cases.add(visit("$ne as kind", v -> v.putObject("kind").put("$ne", "CALL"), "kind.$ne"));
        cases.add(visit("$gt as headcount", v -> v.putObject("headcount").put("$gt", 0), "headcount.$gt"));
        cases.add(visit("$where key", v -> v.put("$where", "1"), "$where"));
        cases.add(visit("dotted key", v -> v.put("visitor.name", "x"), "visitor.name"));
        cases.add(visit("purpose of 501 characters", v -> v.put("purpose", "访".repeat(501)), "purpose"));
        cases.add(visit("visitor name of 51 characters", v -> v.put("visitorName", "王".repeat(51)), "visitorName"));
        cases.add(visit("tenancy in the body", v -> v.put("school", "s-east-02"), "school"));
        cases.add(new Case("invalid UTF-8 in purpose", splice(VISIT, "\"purpose\":\"", new byte[] {(byte) 0xC3, 0x28}),
                MediaType.APPLICATION_JSON, h -> { }, "body"));
        return cases.stream();
    }

    @ParameterizedTest(name = "visit: {0}")
    @MethodSource("visitCorpus")
    @Order(1)
    void aHostileVisitIsRefused(Case hostile) {
        assertRefused(hostile, http.post().uri("/api/v1/visits").header("Authorization", clerk(DISTRICT))
                .contentType(hostile.contentType()).bodyValue(hostile.body()).exchange().expectBody().returnResult());
    }

    static Stream<Case> stepCorpus() {
        List<Case> cases = new ArrayList<>();
        cases.add(step("$gt as reason", "{\"reason\":{\"$gt\":\"\"}}", "reason.$gt"));
        cases.add(step("$where as reply", "{\"reply\":{\"$where\":\"sleep(1000)\"}}", "reply.$where"));
        cases.add(step("$gt as days", "{\"reason\":\"x\",\"days\":{\"$gt\":0}}", "days.$gt"));
        cases.add(step("$set key", "{\"$set\":{\"state\":\"CLOSED\"}}", "$set"));
        cases.add(step("dotted key", "{\"handling.closedAt\":\"2026-01-01T00:00:00Z\"}", "handling.closedAt"));
        cases.add(step("state in the body", "{\"reason\":\"x\",\"state\":\"CLOSED\"}", "state"));
        cases.add(step("reason of 2,001 characters", "{\"reason\":\"" + "理".repeat(2_001) + "\"}", "reason"));
        cases.add(new Case("invalid UTF-8 in reason", splice(STEP, "\"reason\":\"", new byte[] {(byte) 0x80}),
                MediaType.APPLICATION_JSON, h -> { }, "body"));
        return cases.stream();
    }

    @ParameterizedTest(name = "step: {0}")
    @MethodSource("stepCorpus")
    @Order(1)
    void aHostileStepIsRefused(Case hostile) {
        assertRefused(hostile, http.post().uri("/api/v1/petitions/{id}/actions/refuse", target())
                .header("Authorization", TestIssuer.shared().school(TARGET_DISTRICT, IntakeTestSupport.SCHOOL, Role.LEADER)
                        .bearer())
                .contentType(hostile.contentType()).bodyValue(hostile.body()).exchange().expectBody().returnResult());
    }

    /** A petition for the steps to aim at, registered once. */
    private synchronized String target() {
        if (target == null) {
            target = http.post().uri("/api/v1/petitions").header("Authorization", clerk(TARGET_DISTRICT))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(IntakeTestSupport.GROUP_PETITION)
                    .exchange().expectStatus().isCreated()
                    .expectBody(tools.jackson.databind.JsonNode.class).returnResult().getResponseBody().get("id").asString();
        }
        return target;
    }

    private static void assertRefused(Case hostile, EntityExchangeResult<byte[]> result) {
        assertThat(result.getStatus().is4xxClientError()).as(hostile.name() + " answered " + result.getStatus()).isTrue();
        assertThat(result.getResponseHeaders().getContentType())
                .as("problem+json").isNotNull()
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
        String problem = new String(result.getResponseBody(), StandardCharsets.UTF_8);
        if (hostile.expectedField() != null) {
            assertThat(problem).as(hostile.name()).contains("\"field\":\"" + hostile.expectedField().replace("\\", "\\\\") + "\"");
        }
    }

    @Test
    @Order(2)
    void nothingWasStoredOrPublished() {
        try (MongoClient client = MongoClients.create(Infrastructure.shared().mongoUri())) {
            Long stored = Mono.from(client.getDatabase(database).getCollection("petitions")
                    .countDocuments(new Document("district", DISTRICT))).block(Duration.ofSeconds(5));
            assertThat(stored).isZero();
            Long visits = Mono.from(client.getDatabase(database).getCollection("gate_entries")
                    .countDocuments(new Document("district", DISTRICT))).block(Duration.ofSeconds(5));
            assertThat(visits).isZero();
            Document aimedAt = Mono.from(client.getDatabase(database).getCollection("petitions")
                    .find(new Document("_id", target())).first()).block(Duration.ofSeconds(5));
            assertThat(aimedAt.getString("state")).isEqualTo("RECEIVED");
            assertThat(aimedAt.getList("history", Document.class)).hasSize(1);
        }
        try (TopicTap tap = Infrastructure.shared().tap()) {
            assertThat(tap.collect(Topics.PETITION_RECEIVED, e -> DISTRICT.equals(e.meta().district()), Duration.ofSeconds(2)))
                    .isEmpty();
        }
    }

    @Test
    @Order(3)
    void theCorpusIsLargeEnough() {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(50);
        assertThat(corpus().count() + visitCorpus().count() + stepCorpus().count()).isGreaterThanOrEqualTo(100);
    }

    private static String clerk(String district) {
        return TestIssuer.shared().school(district, IntakeTestSupport.SCHOOL, Role.CLERK).bearer();
    }

    private static Case visit(String name, Consumer<ObjectNode> mutation, String expectedField) {
        ObjectNode visit = (ObjectNode) JSON.readTree(VISIT);
        mutation.accept(visit);
        return new Case(name, JSON.writeValueAsBytes(visit), MediaType.APPLICATION_JSON, h -> { }, expectedField);
    }

    private static Case step(String name, String body, String expectedField) {
        return new Case(name, body.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON, h -> { }, expectedField);
    }

    private static Case raw(String name, String body) {
        return bytes(name, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Case bytes(String name, byte[] body) {
        return new Case(name, body, MediaType.APPLICATION_JSON, h -> { }, "body");
    }

    private static Case tree(String name, Consumer<ObjectNode> mutation, String expectedField) {
        ObjectNode petition = (ObjectNode) JSON.readTree(IntakeTestSupport.GROUP_PETITION);
        mutation.accept(petition);
        return new Case(name, JSON.writeValueAsBytes(petition), MediaType.APPLICATION_JSON, h -> { }, expectedField);
    }

    private static Case header(String name, Consumer<HttpHeaders> change, String expectedField) {
        return new Case(name, IntakeTestSupport.GROUP_PETITION.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON,
                change, expectedField);
    }

    /** The valid petition with raw bytes spliced into its title, to send text that is not UTF-8. */
    private static byte[] withTitleBytes(byte[] inserted) {
        return splice(IntakeTestSupport.GROUP_PETITION, "\"title\":\"", inserted);
    }

    /** {@code json} with raw bytes spliced in right after {@code after}. */
    private static byte[] splice(String json, String after, byte[] inserted) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] marker = after.getBytes(StandardCharsets.UTF_8);
        int at = indexOf(body, marker) + marker.length;
        byte[] spliced = new byte[body.length + inserted.length];
        System.arraycopy(body, 0, spliced, 0, at);
        System.arraycopy(inserted, 0, spliced, at, inserted.length);
        System.arraycopy(body, at, spliced, at + inserted.length, body.length - at);
        return spliced;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("marker not found");
    }
}
