package org.xinfang.routing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.access.TokenClaims;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TestIssuer;
import org.xinfang.localstack.testing.TopicTap;
import org.xinfang.routing.Petitions;
import org.xinfang.routing.RoutingIntegrationSupport;
import org.xinfang.routing.RoutingServiceTest;
import org.xinfang.routing.domain.DefaultRuleSet;
import org.xinfang.routing.persistence.RuleSetStore;

/**
 * The routing rows of docs/access.md, each role of d-east's first school (and of the district) against rule sets (read,
 * change), the dry run and routing decisions, in its own tenancy and outside it (another school of d-east, a school of
 * d-west); every kind of bad token; and injection attempts on rule-set bodies, which answer 400 and store nothing.
 */
@RoutingServiceTest
class AccessMatrixIT {

    private static final String EAST = "d-east";
    private static final String WEST = "d-west";
    private static final String OWN = "s-east-01";
    private static final String NEIGHBOUR = "s-east-02";
    private static final String FAR = "s-west-01";
    private static final String RULE_SETS = "/api/v1/routing/rule-sets";
    private static final TestIssuer ISSUER = TestIssuer.shared();
    @RegisterExtension
    static final TopicTap tap = Infrastructure.shared().tap();
    /** Decisions routed to LOGISTICS with GENERAL_OFFICE co-handling, one per tenancy. */
    private static String ownPetition;
    private static String neighbourPetition;
    private static String farPetition;

    @Autowired
    WebTestClient web;
    @Autowired
    RuleSetStore ruleSets;

    /** Once, with the service running (a static {@code @BeforeAll} runs before the context starts). */
    @BeforeEach
    void routeOnePetitionPerTenancy() {
        if (ownPetition != null) {
            return;
        }
        ownPetition = route(EAST, OWN);
        neighbourPetition = route(EAST, NEIGHBOUR);
        farPetition = route(WEST, FAR);
    }

    private static String route(String district, String school) {
        PetitionReceived received = Petitions.received(district, school, Form.GROUP, 12, false, "家长反映食堂卫生问题",
                "十余名家长反映学校食堂卫生条件差，饭菜变质。", RiskSignal.BLOCKING);
        tap.publish(Topics.PETITION_RECEIVED, received);
        var routed = tap.awaitOne(Topics.PETITION_ROUTED,
                r -> r.receivedEventId().equals(received.meta().eventId()), Duration.ofSeconds(60));
        assertThat(routed.department()).isEqualTo("LOGISTICS");
        assertThat(routed.coDepartments()).containsExactly("GENERAL_OFFICE");
        return received.meta().petitionId();
    }

    /** Every role of the suite, as a token of d-east (school roles of its first school; the handler of LOGISTICS). */
    private static Map<Role, String> eastTokens() {
        Map<Role, String> tokens = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            tokens.put(role, switch (role.scope()) {
                case SCHOOL -> role == Role.DEPARTMENT_HANDLER
                        ? ISSUER.department(EAST, OWN, "LOGISTICS").bearer()
                        : ISSUER.school(EAST, OWN, role).bearer();
                case DISTRICT -> ISSUER.district(EAST, role).bearer();
            });
        }
        return tokens;
    }

    private static Map<Role, Integer> expect(int clerk, int handler, int leader, int analyst, int dutyOfficer, int administrator) {
        Map<Role, Integer> statuses = new LinkedHashMap<>();
        statuses.put(Role.CLERK, clerk);
        statuses.put(Role.DEPARTMENT_HANDLER, handler);
        statuses.put(Role.LEADER, leader);
        statuses.put(Role.DEPUTY_LEADER, leader);
        statuses.put(Role.BUREAU_ANALYST, analyst);
        statuses.put(Role.BUREAU_DUTY_OFFICER, dutyOfficer);
        statuses.put(Role.ADMINISTRATOR, administrator);
        return statuses;
    }

    /** Sends one request per role and collects every status that differs from the expected one, so one run shows all. */
    private void check(String what, Map<Role, Integer> expected, Function<String, WebTestClient.RequestHeadersSpec<?>> request,
                       List<String> wrong) {
        Map<Role, String> tokens = eastTokens();
        expected.forEach((role, status) -> {
            var result = request.apply(tokens.get(role)).exchange().expectBody().returnResult();
            int actual = result.getStatus().value();
            if (actual != status) {
                wrong.add(what + " as " + role + ": expected " + status + ", got " + actual);
            } else if (status >= 400) {
                assertThat(result.getResponseHeaders().getContentType()).as(what + " as " + role)
                        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            }
        });
    }

    @Test
    void everyRoleAgainstEveryRoutingFamilyInAndOutOfItsTenancy() {
        // The administrator's own rule sets exist, so that reading them can answer 200.
        admin(EAST, web.put().uri(RULE_SETS + "/districts/" + EAST)).bodyValue(ruleSet(0))
                .exchange().expectStatus().isCreated();
        admin(EAST, web.put().uri(RULE_SETS + "/districts/" + EAST + "/schools/" + NEIGHBOUR)).bodyValue(ruleSet(0))
                .exchange().expectStatus().isCreated();
        admin(WEST, web.put().uri(RULE_SETS + "/districts/" + WEST)).bodyValue(ruleSet(0))
                .exchange().expectStatus().isCreated();
        List<String> wrong = new ArrayList<>();

        // Rule sets, read: the leadership group its school's effective rules, the administrator its district.
        check("effective rules", expect(403, 403, 200, 403, 403, 200), token -> get(RULE_SETS + "/effective", token), wrong);
        check("default rules", expect(403, 403, 200, 403, 403, 200), token -> get(RULE_SETS + "/default", token), wrong);
        check("effective rules of another school", expect(403, 403, 404, 403, 403, 200),
                token -> get(RULE_SETS + "/effective?school=" + NEIGHBOUR, token), wrong);
        check("own district's rule set", expect(403, 403, 403, 403, 403, 200),
                token -> get(RULE_SETS + "/districts/" + EAST, token), wrong);
        check("another school's rule set in the district", expect(403, 403, 403, 403, 403, 200),
                token -> get(RULE_SETS + "/districts/" + EAST + "/schools/" + NEIGHBOUR, token), wrong);
        check("own district's history", expect(403, 403, 403, 403, 403, 200),
                token -> get(RULE_SETS + "/districts/" + EAST + "/history", token), wrong);
        check("another district's rule set", expect(403, 403, 403, 403, 403, 404),
                token -> get(RULE_SETS + "/districts/" + WEST, token), wrong);
        check("another district's history", expect(403, 403, 403, 403, 403, 404),
                token -> get(RULE_SETS + "/districts/" + WEST + "/history", token), wrong);

        // Rule sets, change: the administrator of the district only; each role tries a school of its own.
        for (Role role : Role.values()) {
            String school = "s-matrix-" + role.name().toLowerCase().replace('_', '-');
            check("saving a school's rule set", Map.of(role, role == Role.ADMINISTRATOR ? 201 : 403),
                    token -> web.put().uri(RULE_SETS + "/districts/" + EAST + "/schools/" + school)
                            .header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(ruleSet(0)), wrong);
            int stored = ruleSets.history(org.xinfang.routing.domain.RuleScope.school(EAST, school)).count().block().intValue();
            assertThat(stored).as("versions stored after " + role + " tried").isEqualTo(role == Role.ADMINISTRATOR ? 1 : 0);
        }
        check("saving another district's rule set", expect(403, 403, 403, 403, 403, 404),
                token -> web.put().uri(RULE_SETS + "/districts/" + WEST).header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(ruleSet(1)), wrong);
        assertThat(ruleSets.history(org.xinfang.routing.domain.RuleScope.district(WEST)).count().block()).isEqualTo(1);

        // Dry run: the clerk and the leadership group for their school, the administrator for its district.
        check("dry run", expect(200, 403, 200, 403, 403, 200), token -> dryRun("", token), wrong);
        check("dry run under another school's rules", expect(404, 403, 404, 403, 403, 200),
                token -> dryRun("?school=" + NEIGHBOUR, token), wrong);

        // Decisions: the petition's readers; the department handler of the decision's department.
        check("own school's decision", expect(200, 200, 200, 403, 403, 403),
                token -> get("/api/v1/routing/decisions/" + ownPetition, token), wrong);
        check("another school's decision", expect(404, 404, 404, 403, 403, 403),
                token -> get("/api/v1/routing/decisions/" + neighbourPetition, token), wrong);
        check("another district's decision", expect(404, 404, 404, 403, 403, 403),
                token -> get("/api/v1/routing/decisions/" + farPetition, token), wrong);
        check("a decision that does not exist", expect(404, 404, 404, 403, 403, 403),
                token -> get("/api/v1/routing/decisions/p-none-" + System.nanoTime(), token), wrong);

        assertThat(wrong).isEmpty();
    }

    @Test
    void aDepartmentHandlerReadsOnlyDecisionsOfItsOwnOrCoHandlingDepartment() {
        String path = "/api/v1/routing/decisions/" + ownPetition;
        web.get().uri(path).header(HttpHeaders.AUTHORIZATION, ISSUER.department(EAST, OWN, "GENERAL_OFFICE").bearer())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.department").isEqualTo("LOGISTICS");
        web.get().uri(path).header(HttpHeaders.AUTHORIZATION, ISSUER.department(EAST, OWN, "ACADEMIC_AFFAIRS").bearer())
                .exchange().expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri(path).header(HttpHeaders.AUTHORIZATION, ISSUER.department(EAST, NEIGHBOUR, "LOGISTICS").bearer())
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void badTokensAndNoTokenAnswer401WithABearerChallenge() {
        String path = RULE_SETS + "/effective";
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("expired", ISSUER.school(EAST, OWN, Role.LEADER).expired().bearer());
        bad.put("without expiry", ISSUER.school(EAST, OWN, Role.LEADER).withoutExpiry().bearer());
        bad.put("good for a week", ISSUER.school(EAST, OWN, Role.LEADER).lifetime(java.time.Duration.ofDays(7)).bearer());
        bad.put("signed by a stranger", ISSUER.school(EAST, OWN, Role.LEADER).signedByStranger().bearer());
        bad.put("alg none", ISSUER.school(EAST, OWN, Role.LEADER).unsigned().bearer());
        bad.put("another audience", ISSUER.school(EAST, OWN, Role.LEADER).audience("other").bearer());
        bad.put("another issuer", ISSUER.school(EAST, OWN, Role.LEADER).issuer("http://issuer.invalid").bearer());
        bad.put("no district", ISSUER.school(EAST, OWN, Role.LEADER).without(TokenClaims.DISTRICT).bearer());
        bad.put("no school", ISSUER.school(EAST, OWN, Role.LEADER).without(TokenClaims.SCHOOL).bearer());
        bad.put("no roles", ISSUER.school(EAST, OWN, Role.LEADER).without(TokenClaims.ROLES).bearer());
        bad.put("not a token", "Bearer not-a-token");
        List<String> wrong = new ArrayList<>();
        bad.forEach((what, token) -> {
            var result = web.get().uri(path).header(HttpHeaders.AUTHORIZATION, token).exchange().expectBody().returnResult();
            if (result.getStatus().value() != 401
                    || !MediaType.APPLICATION_PROBLEM_JSON.equals(result.getResponseHeaders().getContentType())
                    || !String.valueOf(result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer")) {
                wrong.add(what + ": " + result.getStatus() + " " + result.getResponseHeaders());
            }
        });
        assertThat(wrong).isEmpty();
        web.get().uri(path).header("X-District", EAST).header("X-School", OWN).header("X-Role", "LEADER")
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.title").exists().jsonPath("$.detail").exists();
        // The good token of the same shape passes, so the refusals above are about the token alone.
        web.get().uri(path).header(HttpHeaders.AUTHORIZATION, ISSUER.school(EAST, OWN, Role.LEADER).bearer())
                .exchange().expectStatus().isOk();
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.securitySchemes.bearerAuth.scheme").isEqualTo("bearer")
                .jsonPath("$.paths['/api/v1/routing/dry-run']").exists();
    }

    @Test
    void injectionAttemptsOnRuleSetBodiesAnswer400AndStoreNothing() {
        String school = "s-inject";
        String path = RULE_SETS + "/districts/" + EAST + "/schools/" + school;
        String valid = json(ruleSet(0));
        List<String> attempts = List.of(
                valid.replace("\"baseVersion\":0", "\"baseVersion\":{\"$gt\":0}"),
                valid.replace("\"coordinator\":\"GENERAL_OFFICE\"", "\"coordinator\":{\"$ne\":null}"),
                valid.replace("\"comment\":\"c\"", "\"comment\":{\"$where\":\"sleep(1000) || true\"}"),
                valid.replaceFirst("\"department\":\"[A-Z_]+\"", "\"department\":{\"\\$gt\":\"\"}"),
                valid.replace("\"departments\":[", "\"departments\":[{\"$gt\":\"\"},"),
                valid.replace("\"departments\":[", "\"departments\":[\"$where\",\"LOGISTICS.x\","),
                valid.replace("\"baseVersion\":0", "\"baseVersion\":0,\"$where\":\"1 == 1\""),
                valid.replace("\"baseVersion\":0", "\"baseVersion\":0,\"assignments.HYGIENE.department\":\"UNION\""),
                valid.replace("\"HYGIENE\":", "\"$set\":{\"department\":\"UNION\"},\"HYGIENE\":"),
                valid.replace("\"HYGIENE\":", "\"HYGIENE.department\":{\"department\":\"UNION\"},\"HYGIENE\":"),
                valid.replace("\"HYGIENE\":{", "\"HYGIENE\":{\"$inc\":1,"),
                valid.replace("\"comment\":\"c\"", "\"comment\":\"" + "长".repeat(501) + "\""),
                valid.replace("\"departments\":[", "\"departments\":[\"" + "A".repeat(5_000) + "\","));
        List<String> wrong = new ArrayList<>();
        for (String body : attempts) {
            var result = admin(EAST, web.put().uri(path)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange().expectBody().returnResult();
            checkRefused(result, body, wrong);
        }
        // Invalid UTF-8: a lone continuation byte and a truncated sequence inside the comment.
        for (byte[] broken : List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xE9, (byte) 0x95}, new byte[] {(byte) 0xFF})) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            String[] halves = valid.split("\"comment\":\"c\"");
            bytes.writeBytes(halves[0].getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes("\"comment\":\"a".getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(broken);
            bytes.writeBytes("b\"".getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(halves[1].getBytes(StandardCharsets.UTF_8));
            var result = admin(EAST, web.put().uri(path)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(bytes.toByteArray()).exchange().expectBody().returnResult();
            checkRefused(result, "invalid UTF-8 " + java.util.HexFormat.of().formatHex(broken), wrong);
        }
        assertThat(wrong).isEmpty();
        assertThat(ruleSets.history(org.xinfang.routing.domain.RuleScope.school(EAST, school)).count().block()).isZero();
        // A school code with dots or dollars never becomes a stored scope.
        admin(EAST, web.put().uri(RULE_SETS + "/districts/" + EAST + "/schools/s.$where")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(valid).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("school");
        // The same body, untouched, is accepted: the refusals were about the injected parts.
        admin(EAST, web.put().uri(path)).contentType(MediaType.APPLICATION_JSON).bodyValue(valid)
                .exchange().expectStatus().isCreated();
    }

    @Test
    void injectionAttemptsOnADryRunAnswer400() {
        String token = ISSUER.school(EAST, OWN, Role.CLERK).bearer();
        for (String body : List.of(
                "{\"form\":\"INDIVIDUAL\",\"headcount\":1,\"title\":{\"$gt\":\"\"},\"description\":\"d\"}",
                "{\"form\":\"INDIVIDUAL\",\"headcount\":{\"$where\":\"1\"},\"title\":\"t\",\"description\":\"d\"}",
                "{\"form\":\"INDIVIDUAL\",\"headcount\":1,\"title\":\"t\",\"description\":\"d\",\"$where\":\"1\"}",
                "{\"form\":\"INDIVIDUAL\",\"headcount\":1,\"title\":\"t\",\"description\":\"d\",\"meta.school\":\"s-east-02\"}")) {
            web.post().uri("/api/v1/routing/dry-run").header(HttpHeaders.AUTHORIZATION, token)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").exists();
        }
    }

    private static void checkRefused(org.springframework.test.web.reactive.server.ExchangeResult result, String what, List<String> wrong) {
        String body = new String(result.getResponseBodyContent() == null ? new byte[0] : result.getResponseBodyContent(),
                StandardCharsets.UTF_8);
        if (result.getStatus().value() != 400
                || !MediaType.APPLICATION_PROBLEM_JSON.equals(result.getResponseHeaders().getContentType())
                || !body.contains("\"field\"")) {
            wrong.add(result.getStatus() + " " + body + " for " + (what.length() > 160 ? what.substring(0, 160) + "…" : what));
        }
    }

    private WebTestClient.RequestHeadersSpec<?> get(String path, String token) {
        return web.get().uri(path).header(HttpHeaders.AUTHORIZATION, token);
    }

    private WebTestClient.RequestHeadersSpec<?> dryRun(String query, String token) {
        return web.post().uri("/api/v1/routing/dry-run" + query).header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("form", "INDIVIDUAL", "headcount", 1, "title", "食堂饭菜变质", "description", "孩子说饭菜有酸味。"));
    }

    private static <S extends WebTestClient.RequestHeadersSpec<?>> S admin(String district, S spec) {
        spec.header(HttpHeaders.AUTHORIZATION, ISSUER.district(district, Role.ADMINISTRATOR).bearer());
        return spec;
    }

    /** The default table as an administrator would save it. */
    private static Map<String, Object> ruleSet(int baseVersion) {
        Map<String, Object> table = new LinkedHashMap<>();
        DefaultRuleSet.create().assignments().forEach((subject, a) -> table.put(subject.name(),
                Map.of("department", a.department(), "coDepartments", a.coDepartments())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("baseVersion", baseVersion);
        body.put("departments", List.copyOf(new java.util.TreeSet<>(DefaultRuleSet.DEPARTMENTS)));
        body.put("assignments", table);
        body.put("coordinator", "GENERAL_OFFICE");
        body.put("comment", "c");
        return body;
    }

    private static String json(Map<String, Object> body) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body);
    }
}
