package org.xinfang.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.access.TokenClaims;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TestIssuer;
import org.xinfang.localstack.testing.TopicTap;
import org.xinfang.reporting.messaging.FoldingLoop;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * docs/access.md for {@code reports} and {@code subscriptions}: every role against every query family, the live stream
 * and the webhooks, in its own school (or district), another school of its district and a school of another district,
 * with the exact status the matrix gives (a school of another district, or of none, is 404 to the bureau too); then every token that must not be trusted (401), and injection attempts in
 * webhook bodies and query parameters (400, nothing stored). Figures of one petition per school, received 100 days
 * ago and never accepted, so each school has one overdue petition to be seen or not.
 */
@ReportingServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    private static final TestIssuer ISSUER = TestIssuer.shared();
    /** Fresh districts per run: the broker is shared, and these figures must be exactly what this class publishes. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    static final String EAST = "d-east-" + RUN;
    static final String WEST = "d-west-" + RUN;
    static final String OWN = "s-east-01";
    static final String OTHER = "s-east-02";
    static final String FOREIGN = "s-west-01";
    private static final Instant RECEIVED = Instant.now().minus(Duration.ofDays(100)).truncatedTo(ChronoUnit.SECONDS);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.ofInstant(RECEIVED, ZONE);
    /** A school no event has ever named, in any district. */
    static final String NEVER_SEEN = "s-never-" + RUN;

    enum Where { OWN, OTHER_SCHOOL, OTHER_DISTRICT }

    /** A family of requests and the path it takes in a district or at a school. */
    enum Family {
        DISTRICT_SUMMARY("GET", "/api/v1/reports/districts/%s?from=" + DAY + "&to=" + DAY, true),
        DISTRICT_TOP("GET", "/api/v1/reports/districts/%s/top?dimension=school&from=" + DAY + "&to=" + DAY, true),
        DISTRICT_OVERDUE("GET", "/api/v1/reports/districts/%s/overdue", true),
        DISTRICT_CSV("GET", "/api/v1/reports/districts/%s/export.csv?from=" + DAY + "&to=" + DAY, true),
        DISTRICT_SCHOOLS("GET", "/api/v1/reports/districts/%s/schools", true),
        LIVE_STREAM("GET", "/api/v1/subscriptions/districts/%s/stream", true),
        SCHOOL_SUMMARY("GET", "/api/v1/reports/schools/%s?from=" + DAY + "&to=" + DAY, false),
        SCHOOL_OVERDUE("GET", "/api/v1/reports/schools/%s/overdue", false),
        WEBHOOKS_LIST("GET", "/api/v1/subscriptions/districts/%s/webhooks", true),
        WEBHOOKS_SUBSCRIBE("POST", "/api/v1/subscriptions/districts/%s/webhooks", true);

        final String method;
        final String path;
        final boolean byDistrict;

        Family(String method, String path, boolean byDistrict) {
            this.method = method;
            this.path = path;
            this.byDistrict = byDistrict;
        }

        String pathAt(Where where) {
            if (byDistrict) {
                return path.formatted(where == Where.OTHER_DISTRICT ? WEST : EAST);
            }
            return path.formatted(switch (where) {
                case OWN -> OWN;
                case OTHER_SCHOOL -> OTHER;
                case OTHER_DISTRICT -> FOREIGN;
            });
        }
    }

    /**
     * The matrix of docs/access.md written out: status in the caller's own tenancy, at another school of its district,
     * and in another district. The bureau reads the schools of its own district only: a school of another district is
     * 404, like one that does not exist ({@link #theBureauCannotTellAForeignSchoolFromNone()}).
     */
    private static final Map<Family, Map<Role, String>> MATRIX = matrix();

    private static Map<Family, Map<Role, String>> matrix() {
        Map<Role, String> districtFigures = Map.of(
                Role.CLERK, "403 403 403", Role.DEPARTMENT_HANDLER, "403 403 403", Role.LEADER, "403 403 403",
                Role.DEPUTY_LEADER, "403 403 403", Role.BUREAU_ANALYST, "200 200 404",
                Role.BUREAU_DUTY_OFFICER, "200 200 404", Role.ADMINISTRATOR, "403 403 403");
        Map<Role, String> schoolFigures = Map.of(
                Role.CLERK, "200 404 404", Role.DEPARTMENT_HANDLER, "403 403 403", Role.LEADER, "200 404 404",
                Role.DEPUTY_LEADER, "200 404 404", Role.BUREAU_ANALYST, "200 200 404",
                Role.BUREAU_DUTY_OFFICER, "200 200 404", Role.ADMINISTRATOR, "403 403 403");
        Map<Role, String> webhooks = Map.of(
                Role.CLERK, "403 403 403", Role.DEPARTMENT_HANDLER, "403 403 403", Role.LEADER, "403 403 403",
                Role.DEPUTY_LEADER, "403 403 403", Role.BUREAU_ANALYST, "200 200 404",
                Role.BUREAU_DUTY_OFFICER, "403 403 403", Role.ADMINISTRATOR, "200 200 404");
        Map<Role, String> subscribe = Map.of(
                Role.CLERK, "403 403 403", Role.DEPARTMENT_HANDLER, "403 403 403", Role.LEADER, "403 403 403",
                Role.DEPUTY_LEADER, "403 403 403", Role.BUREAU_ANALYST, "201 201 404",
                Role.BUREAU_DUTY_OFFICER, "403 403 403", Role.ADMINISTRATOR, "201 201 404");
        return Map.of(Family.DISTRICT_SUMMARY, districtFigures, Family.DISTRICT_TOP, districtFigures,
                Family.DISTRICT_OVERDUE, districtFigures, Family.DISTRICT_CSV, districtFigures,
                Family.DISTRICT_SCHOOLS, districtFigures, Family.LIVE_STREAM, districtFigures, Family.SCHOOL_SUMMARY, schoolFigures,
                Family.SCHOOL_OVERDUE, schoolFigures, Family.WEBHOOKS_LIST, webhooks, Family.WEBHOOKS_SUBSCRIBE, subscribe);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    MongoDatabase database;

    @Autowired
    FoldingLoop folding;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private WebTestClient unpooled() {
        return WebTestClient.bindToServer(new org.springframework.http.client.reactive.ReactorClientHttpConnector(
                        reactor.netty.http.client.HttpClient.create(reactor.netty.resources.ConnectionProvider.newConnection())))
                .baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(20)).build();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("xinfang.reporting.zone", ZONE::getId);
    }

    /** A token of {@code role} in the caller's own school (school roles) or district (district roles), EAST. */
    static String token(Role role) {
        return switch (role.scope()) {
            case SCHOOL -> role == Role.DEPARTMENT_HANDLER ? ISSUER.department(EAST, OWN, "LOGISTICS").bearer()
                    : ISSUER.school(EAST, OWN, role).bearer();
            case DISTRICT -> ISSUER.district(EAST, role).bearer();
        };
    }

    @BeforeAll
    void publishOnePetitionPerSchool() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!folding.assigned() && Instant.now().isBefore(deadline)) {
            pause();
        }
        assertThat(folding.assigned()).as("folding loop holds its partitions").isTrue();
        try (TopicTap tap = Infrastructure.shared().tap()) {
            for (String[] at : List.of(new String[] {EAST, OWN}, new String[] {EAST, OTHER}, new String[] {WEST, FOREIGN})) {
                PetitionReceived received = Events.received(at[0], at[1], "p-acl-" + at[1] + "-" + RUN, RECEIVED,
                        Channel.LETTER, Form.INDIVIDUAL, 1, false);
                tap.publish(Topics.PETITION_RECEIVED, received);
                tap.publish(Topics.PETITION_ROUTED, Events.routed(received, RECEIVED.plusSeconds(10), Subject.HYGIENE,
                        "LOGISTICS", EmergencyLevel.ROUTINE));
            }
        }
        // Every figure and overdue list the matrix reads is in place before any status is compared.
        for (String district : List.of(EAST, WEST)) {
            long expected = district.equals(EAST) ? 2 : 1;
            awaitTrue(() -> {
                JsonNode overdue = get("/api/v1/reports/districts/" + district + "/overdue",
                        ISSUER.district(district, Role.BUREAU_ANALYST).bearer());
                JsonNode summary = get("/api/v1/reports/districts/" + district + "?from=" + DAY + "&to=" + DAY,
                        ISSUER.district(district, Role.BUREAU_ANALYST).bearer());
                return overdue.path("petitions").size() == expected
                        && summary.path("totals").path("routed").asLong() == expected;
            }, "figures of " + district);
        }
    }

    static Stream<Arguments> everyRoleFamilyAndTenancy() {
        List<Arguments> cases = new ArrayList<>();
        for (Role role : Role.values()) {
            for (Family family : Family.values()) {
                for (Where where : Where.values()) {
                    cases.add(Arguments.of(role, family, where));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyRoleFamilyAndTenancy")
    void everyRoleGetsExactlyWhatTheMatrixSays(Role role, Family family, Where where) {
        int expected = Integer.parseInt(MATRIX.get(family).get(role).split(" ")[where.ordinal()]);
        String path = family.pathAt(where);
        // A live stream is cancelled after 300 ms below: give it a connection of its own, never returned to the
        // pool, so the next request cannot be handed a connection still busy with the cancelled stream.
        WebTestClient client = family == Family.LIVE_STREAM ? unpooled() : web;
        WebTestClient.RequestHeadersSpec<?> request = family.method.equals("POST")
                ? client.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("url", "http://127.0.0.1:9/acl-" + RUN))
                : client.get().uri(path);
        var result = request.header(HttpHeaders.AUTHORIZATION, token(role)).exchange().returnResult(String.class);
        // Take what the answer holds at once and let go: the live stream never ends by itself.
        String body = String.join("", result.getResponseBody().take(Duration.ofMillis(300)).collectList()
                .block(Duration.ofSeconds(10)));
        assertThat(result.getStatus().value()).as("%s %s %s: %s", role, family, where, body).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(result.getResponseHeaders().getContentType()).isNotNull();
            assertThat(result.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .as("problem+json").isTrue();
        }
        if (expected == 201) {
            String id = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body).path("id").asString();
            web.delete().uri(path + "/" + id).header(HttpHeaders.AUTHORIZATION, token(role)).exchange()
                    .expectStatus().isNoContent();
        }
    }

    /** What each allowed caller sees is its own tenancy's figures and nothing of anyone else's. */
    @Test
    void eachCallerSeesItsOwnFiguresOnly() {
        JsonNode district = get("/api/v1/reports/districts/" + EAST + "?from=" + DAY + "&to=" + DAY,
                token(Role.BUREAU_DUTY_OFFICER));
        assertThat(district.path("totals").path("received").asLong()).isEqualTo(2);
        assertThat(district.path("counts").path("school").propertyNames()).containsExactlyInAnyOrder(OWN, OTHER);

        JsonNode overdue = get("/api/v1/reports/districts/" + EAST + "/overdue", token(Role.BUREAU_ANALYST));
        assertThat(overdue.path("petitions").findValuesAsString("school")).containsExactlyInAnyOrder(OWN, OTHER);

        for (Role role : List.of(Role.CLERK, Role.LEADER, Role.DEPUTY_LEADER)) {
            JsonNode school = get("/api/v1/reports/schools/" + OWN + "?from=" + DAY + "&to=" + DAY, token(role));
            assertThat(school.path("totals").path("received").asLong()).as(role.name()).isEqualTo(1);
            assertThat(school.path("counts").path("school").propertyNames()).containsExactly(OWN);
            JsonNode own = get("/api/v1/reports/schools/" + OWN + "/overdue", token(role));
            assertThat(own.path("petitions").findValuesAsString("school")).containsExactly(OWN);
        }
        JsonNode otherSchool = get("/api/v1/reports/schools/" + OTHER + "?from=" + DAY + "&to=" + DAY,
                token(Role.BUREAU_ANALYST));
        assertThat(otherSchool.path("totals").path("received").asLong()).isEqualTo(1);
        assertThat(otherSchool.path("counts").path("school").propertyNames()).containsExactly(OTHER);
    }

    /**
     * A bureau naming a school of another district, or a school no event has named, gets the same 404 problem: ids
     * cannot be probed. The school's own bureau reads it; a school of the district with nothing in the range is 200
     * with zeros; a school's own clerk is answered for the school the token names even before its first petition.
     */
    @Test
    void theBureauCannotTellAForeignSchoolFromNone() {
        for (Role bureau : List.of(Role.BUREAU_ANALYST, Role.BUREAU_DUTY_OFFICER)) {
            for (String school : List.of(FOREIGN, NEVER_SEEN)) {
                for (String path : List.of("/api/v1/reports/schools/" + school + "?from=" + DAY + "&to=" + DAY,
                        "/api/v1/reports/schools/" + school, "/api/v1/reports/schools/" + school + "/overdue")) {
                    String body = web.get().uri(path).header(HttpHeaders.AUTHORIZATION, token(bureau)).exchange()
                            .expectStatus().isNotFound()
                            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                            .expectBody(String.class).returnResult().getResponseBody();
                    assertThat(body).as("%s %s", bureau, path).contains("\"status\":404")
                            .doesNotContain("received").doesNotContain(WEST);
                }
            }
        }
        // Both 404s read alike but for the name asked about: nothing tells a foreign school from a made-up one.
        assertThat(problemDetail("/api/v1/reports/schools/" + FOREIGN).replace(FOREIGN, "?"))
                .isEqualTo(problemDetail("/api/v1/reports/schools/" + NEVER_SEEN).replace(NEVER_SEEN, "?"));

        // WEST's bureau reads its own school: the figures exist, they are just not EAST's.
        assertThat(get("/api/v1/reports/schools/" + FOREIGN + "?from=" + DAY + "&to=" + DAY,
                ISSUER.district(WEST, Role.BUREAU_ANALYST).bearer()).path("totals").path("received").asLong()).isEqualTo(1);

        // A known school of the district with no figures in the range: 200, zeros.
        JsonNode quiet = get("/api/v1/reports/schools/" + OTHER + "?from=" + DAY.minusDays(30) + "&to=" + DAY.minusDays(1),
                token(Role.BUREAU_ANALYST));
        assertThat(quiet.path("district").asString()).isEqualTo(EAST);
        assertThat(quiet.path("totals").path("received").asLong()).isZero();

        // A school's own clerk and leader are answered for their school before reporting has heard of it.
        for (Role role : List.of(Role.CLERK, Role.LEADER)) {
            String own = ISSUER.school(EAST, NEVER_SEEN, role).bearer();
            assertThat(get("/api/v1/reports/schools/" + NEVER_SEEN, own).path("totals").path("received").asLong())
                    .isZero();
            assertThat(get("/api/v1/reports/schools/" + NEVER_SEEN + "/overdue", own).path("petitions").size()).isZero();
            web.get().uri("/api/v1/reports/schools/" + OWN).header(HttpHeaders.AUTHORIZATION, own).exchange()
                    .expectStatus().isNotFound();
        }
    }

    private String problemDetail(String path) {
        return web.get().uri(path).header(HttpHeaders.AUTHORIZATION, token(Role.BUREAU_ANALYST)).exchange()
                .expectStatus().isNotFound().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("detail").asString();
    }

    /** The old tenancy headers are no source of identity: they neither grant nor widen anything. */
    @Test
    void tenancyHeadersChangeNothing() {
        web.get().uri("/api/v1/reports/districts/" + EAST).header("X-District", EAST).header("X-Role", "BUREAU_ANALYST")
                .exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/reports/schools/" + OTHER).header(HttpHeaders.AUTHORIZATION, token(Role.CLERK))
                .header("X-District", EAST).header("X-School", OTHER).exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/reports/districts/" + WEST).header(HttpHeaders.AUTHORIZATION, token(Role.BUREAU_ANALYST))
                .header("X-District", WEST).exchange().expectStatus().isNotFound();
    }

    static Stream<Arguments> untrustedTokens() {
        return Stream.of(
                Arguments.of("expired", ISSUER.district(EAST, Role.BUREAU_ANALYST).expired().bearer()),
                Arguments.of("without expiry", ISSUER.district(EAST, Role.BUREAU_ANALYST).withoutExpiry().bearer()),
                Arguments.of("good for a week", ISSUER.district(EAST, Role.BUREAU_ANALYST).lifetime(java.time.Duration.ofDays(7)).bearer()),
                Arguments.of("signed by a stranger", ISSUER.district(EAST, Role.BUREAU_ANALYST).signedByStranger().bearer()),
                Arguments.of("alg none", ISSUER.district(EAST, Role.BUREAU_ANALYST).unsigned().bearer()),
                Arguments.of("another audience", ISSUER.district(EAST, Role.BUREAU_ANALYST).audience("other-api").bearer()),
                Arguments.of("another issuer", ISSUER.district(EAST, Role.BUREAU_ANALYST)
                        .issuer("https://id.elsewhere.example").bearer()),
                Arguments.of("no district", ISSUER.district(EAST, Role.BUREAU_ANALYST).without(TokenClaims.DISTRICT).bearer()),
                Arguments.of("school role without school", ISSUER.school(EAST, OWN, Role.CLERK)
                        .without(TokenClaims.SCHOOL).bearer()),
                Arguments.of("no roles", ISSUER.district(EAST, Role.BUREAU_ANALYST).without(TokenClaims.ROLES).bearer()),
                Arguments.of("not a token", "Bearer not-a-jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untrustedTokens")
    void aTokenThatCannotBeTrustedIsA401Problem(String why, String authorization) {
        for (String path : List.of("/api/v1/reports/districts/" + EAST, "/api/v1/subscriptions/districts/" + EAST + "/webhooks")) {
            web.get().uri(path).header(HttpHeaders.AUTHORIZATION, authorization).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).startsWith("Bearer error=\"invalid_token\""))
                    .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.title").isNotEmpty();
        }
    }

    @Test
    void noTokenIsA401WithABearerChallenge() {
        web.get().uri("/api/v1/reports/districts/" + EAST).exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).startsWith("Bearer"));
        web.get().uri("/api/v1/subscriptions/districts/" + EAST + "/stream").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aMissingTenantClaimIsNamedInTheChallenge() {
        web.get().uri("/api/v1/reports/districts/" + EAST)
                .header(HttpHeaders.AUTHORIZATION, ISSUER.district(EAST, Role.BUREAU_ANALYST).without(TokenClaims.DISTRICT).bearer())
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).contains("district"));
    }

    static Stream<Arguments> injectedWebhookBodies() {
        String huge = "http://127.0.0.1/" + "a".repeat(3000);
        return Stream.of(
                Arguments.of("operator as url", "{\"url\": {\"$gt\": \"\"}}", "url"),
                Arguments.of("$where as url", "{\"url\": {\"$where\": \"sleep(1000)\"}}", "url"),
                Arguments.of("operator as secret", "{\"url\": \"http://127.0.0.1/h\", \"secret\": {\"$ne\": null}}", "secret"),
                Arguments.of("$where key", "{\"url\": \"http://127.0.0.1/h\", \"$where\": \"1\"}", "$where"),
                Arguments.of("$set key", "{\"$set\": {\"district\": \"" + WEST + "\"}}", "$set"),
                Arguments.of("dotted key", "{\"url\": \"http://127.0.0.1/h\", \"subscribedBy.subject\": \"x\"}",
                        "subscribedBy.subject"),
                Arguments.of("district in the body", "{\"url\": \"http://127.0.0.1/h\", \"district\": \"" + WEST + "\"}",
                        "district"),
                Arguments.of("array as url", "{\"url\": [\"http://127.0.0.1/h\"]}", "url"),
                Arguments.of("number as url", "{\"url\": 42}", "url"),
                Arguments.of("array body", "[{\"url\": \"http://127.0.0.1/h\"}]", "request"),
                Arguments.of("oversized url", "{\"url\": \"" + huge + "\"}", "url"),
                Arguments.of("oversized secret", "{\"url\": \"http://127.0.0.1/h\", \"secret\": \"" + "s".repeat(300) + "\"}",
                        "secret"),
                Arguments.of("control characters", "{\"url\": \"http://127.0.0.1/h\\u0000\"}", "url"),
                Arguments.of("javascript url", "{\"url\": \"javascript:alert(1)\"}", "url"),
                Arguments.of("cloud metadata address", "{\"url\": \"http://169.254.169.254/latest/meta-data\"}", "url"),
                Arguments.of("private network", "{\"url\": \"http://192.168.0.10:8084/api\"}", "url"),
                Arguments.of("carrier-grade NAT", "{\"url\": \"http://100.64.0.1/h\"}", "url"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("injectedWebhookBodies")
    void injectedWebhookBodiesAre400AndStoreNothing(String why, String body, String field) {
        web.post().uri("/api/v1/subscriptions/districts/" + EAST + "/webhooks")
                .header(HttpHeaders.AUTHORIZATION, token(Role.ADMINISTRATOR)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
        assertNoWebhookStored();
    }

    @Test
    void invalidUtf8InAWebhookIs400AndStoresNothing() {
        byte[] prefix = "{\"url\": \"http://127.0.0.1/".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 3 + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3;
        body[prefix.length + 1] = (byte) 0x28;
        body[prefix.length + 2] = (byte) 0xFF;
        System.arraycopy(suffix, 0, body, prefix.length + 3, suffix.length);
        web.post().uri("/api/v1/subscriptions/districts/" + EAST + "/webhooks")
                .header(HttpHeaders.AUTHORIZATION, token(Role.BUREAU_ANALYST)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertNoWebhookStored();
    }

    static Stream<Arguments> injectedQueries() {
        return Stream.of(
                Arguments.of("/api/v1/reports/districts/" + EAST + "?groupBy=$where", "groupBy"),
                Arguments.of("/api/v1/reports/districts/" + EAST + "?groupBy={\"$gt\":\"\"}", "groupBy"),
                Arguments.of("/api/v1/reports/districts/" + EAST + "?from={\"$gt\":\"\"}", "from"),
                Arguments.of("/api/v1/reports/districts/" + EAST + "?to=2026-01-01T00:00:00Z", "to"),
                Arguments.of("/api/v1/reports/districts/" + EAST + "?from=" + "9".repeat(1000), "from"),
                Arguments.of("/api/v1/reports/districts/" + EAST + "/top?dimension=$ne", "dimension"),
                Arguments.of("/api/v1/reports/districts/" + EAST + "/top?dimension=school.name", "dimension"),
                Arguments.of("/api/v1/reports/districts/" + EAST + "/top?n=abc", "n"),
                Arguments.of("/api/v1/reports/districts/" + EAST + "/top?n=100000", "n"),
                Arguments.of("/api/v1/reports/districts/" + EAST + "/export.csv?grain=$where", "grain"),
                Arguments.of("/api/v1/reports/districts/" + EAST + "?groupBy=%FF%FE", "groupBy"),
                Arguments.of("/api/v1/reports/districts/$where", "district"),
                Arguments.of("/api/v1/reports/schools/s.east$gt", "school"),
                Arguments.of("/api/v1/reports/schools/" + "s".repeat(200) + "/overdue", "school"),
                Arguments.of("/api/v1/subscriptions/districts/d.east/webhooks", "district"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("injectedQueries")
    void injectedQueryParametersAre400(String path, String field) {
        // An absolute URI, sent as written: braces and quotes percent-encoded, nothing read as a template variable.
        String encoded = path.replace("{", "%7B").replace("}", "%7D").replace("\"", "%22");
        web.get().uri(java.net.URI.create("http://127.0.0.1:" + port + encoded))
                .header(HttpHeaders.AUTHORIZATION, token(Role.BUREAU_ANALYST)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    @Test
    void subscriptionsRecordTheTokensSubjectAndRole() {
        String admin = ISSUER.district(EAST, Role.ADMINISTRATOR).subject("admin-audit-" + RUN).bearer();
        JsonNode subscribed = web.post().uri("/api/v1/subscriptions/districts/" + EAST + "/webhooks")
                .header(HttpHeaders.AUTHORIZATION, admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", "http://127.0.0.1:9/audit")).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String id = subscribed.path("id").asString();
        Document stored = Flux.from(database.getCollection("webhooks").find(Filters.eq("_id", id))).blockFirst();
        assertThat(stored).isNotNull();
        Document by = stored.get("subscribedBy", Document.class);
        assertThat(by.getString("subject")).isEqualTo("admin-audit-" + RUN);
        assertThat(by.getString("roles")).isEqualTo("ADMINISTRATOR");
        String remover = ISSUER.district(EAST, Role.ADMINISTRATOR).subject("admin-remover-" + RUN).bearer();
        web.delete().uri("/api/v1/subscriptions/districts/" + EAST + "/webhooks/" + id)
                .header(HttpHeaders.AUTHORIZATION, remover).exchange().expectStatus().isNoContent();
        // Removing ends the subscription on the record, with who and when; it is neither listed nor signed for again.
        Document removed = Flux.from(database.getCollection("webhooks").find(Filters.eq("_id", id))).blockFirst();
        assertThat(removed).as("the record of the subscription stays").isNotNull();
        assertThat(removed.get("removedBy", Document.class).getString("subject")).isEqualTo("admin-remover-" + RUN);
        assertThat(removed.getDate("removedAt")).isNotNull();
        assertThat(removed.containsKey("secret")).as("its secret is erased").isFalse();
        web.get().uri("/api/v1/subscriptions/districts/" + EAST + "/webhooks").header(HttpHeaders.AUTHORIZATION, admin)
                .exchange().expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain(id));
        web.delete().uri("/api/v1/subscriptions/districts/" + EAST + "/webhooks/" + id)
                .header(HttpHeaders.AUTHORIZATION, admin).exchange().expectStatus().isNotFound();
    }

    @Test
    void theOpenApiDocumentIsServedWithoutATokenAndDescribesTheBearerScheme() {
        // The first document is generated on demand, which takes a while on a busy machine.
        String doc = web.mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(doc).contains("\"bearerAuth\"").contains("\"bearerFormat\":\"JWT\"")
                .contains("/api/v1/reports/districts/{district}").contains("/api/v1/subscriptions/districts/{district}/webhooks")
                .doesNotContain("\"caller\"").doesNotContain("X-District");
    }

    private void assertNoWebhookStored() {
        Long stored = reactor.core.publisher.Mono.from(database.getCollection("webhooks")
                .countDocuments(Filters.and(Filters.in("district", EAST, WEST), Filters.eq("removedAt", null)))).block();
        assertThat(stored).as("live webhooks stored for the test districts").isZero();
    }

    private JsonNode get(String path, String authorization) {
        return web.get().uri(path).header(HttpHeaders.AUTHORIZATION, authorization).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            pause();
        }
        throw new AssertionError("never true: " + what);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
