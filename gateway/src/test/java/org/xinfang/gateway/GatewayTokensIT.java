package org.xinfang.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.access.TokenClaims;
import org.xinfang.localstack.testing.TestIssuer;

/**
 * The door against real tokens from a real issuer (a JWK set served over HTTP): a token of every role, of either
 * district, passes to the service unchanged; every token the gateway must not trust is refused with 401
 * problem+json and a {@code WWW-Authenticate: Bearer} challenge before any service is called. Which records a valid
 * token reaches is the services' business (docs/access.md); the gateway only checks who is calling.
 */
@TestPropertySource(properties = "xinfang.gateway.rate-limit.burst=1000")
class GatewayTokensIT extends GatewayBeforeFakeService {

    static final TestIssuer ISSUER = TestIssuer.shared();
    static Stream<Arguments> everyRoleOfEitherDistrict() {
        return Stream.of(
                Arguments.of("clerk", ISSUER.school("d-east", "s-east-01", Role.CLERK)),
                Arguments.of("department handler", ISSUER.department("d-east", "s-east-01", "LOGISTICS")),
                Arguments.of("leader", ISSUER.school("d-east", "s-east-02", Role.LEADER)),
                Arguments.of("deputy leader", ISSUER.school("d-east", "s-east-03", Role.DEPUTY_LEADER)),
                Arguments.of("bureau analyst", ISSUER.district("d-east", Role.BUREAU_ANALYST)),
                Arguments.of("bureau duty officer", ISSUER.district("d-east", Role.BUREAU_DUTY_OFFICER)),
                Arguments.of("administrator", ISSUER.district("d-east", Role.ADMINISTRATOR)),
                Arguments.of("clerk of d-west", ISSUER.school("d-west", "s-west-01", Role.CLERK)),
                Arguments.of("analyst of d-west", ISSUER.district("d-west", Role.BUREAU_ANALYST)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRoleOfEitherDistrict")
    void aValidTokenOfEveryRolePassesToTheServiceUnchanged(String who, TestIssuer.Token token) {
        String bearer = token.bearer();
        Map<String, Object> echo = client.get().uri("/api/v1/petitions/p-1").header("Authorization", bearer)
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();

        assertThat(echo).extracting("headers").asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.map(String.class, String.class))
                .containsEntry("Authorization", bearer);
    }

    static Stream<Arguments> tokensTheDoorRefuses() {
        return Stream.of(
                Arguments.of("expired", ISSUER.school("d-east", "s-east-01", Role.CLERK).expired().bearer()),
                Arguments.of("without expiry", ISSUER.school("d-east", "s-east-01", Role.CLERK).withoutExpiry().bearer()),
                Arguments.of("good for a week", ISSUER.school("d-east", "s-east-01", Role.CLERK)
                        .lifetime(java.time.Duration.ofDays(7)).bearer()),
                Arguments.of("signed by a stranger", ISSUER.school("d-east", "s-east-01", Role.CLERK)
                        .signedByStranger().bearer()),
                Arguments.of("alg none", ISSUER.school("d-east", "s-east-01", Role.CLERK).unsigned().bearer()),
                Arguments.of("another audience", ISSUER.school("d-east", "s-east-01", Role.CLERK)
                        .audience("other-api").bearer()),
                Arguments.of("another issuer", ISSUER.school("d-east", "s-east-01", Role.CLERK)
                        .issuer("https://id.elsewhere.example").bearer()),
                Arguments.of("no district", ISSUER.school("d-east", "s-east-01", Role.CLERK)
                        .without(TokenClaims.DISTRICT).bearer()),
                Arguments.of("school role without school", ISSUER.school("d-east", "s-east-01", Role.LEADER)
                        .without(TokenClaims.SCHOOL).bearer()),
                Arguments.of("no roles", ISSUER.school("d-east", "s-east-01", Role.CLERK)
                        .without(TokenClaims.ROLES).bearer()),
                Arguments.of("unknown role", ISSUER.school("d-east", "s-east-01", Role.CLERK)
                        .claim(TokenClaims.ROLES, java.util.List.of("SUPERUSER")).bearer()),
                Arguments.of("handler without department", ISSUER.school("d-east", "s-east-01",
                        Role.DEPARTMENT_HANDLER).bearer()),
                Arguments.of("district role with a school", ISSUER.district("d-east", Role.ADMINISTRATOR)
                        .claim(TokenClaims.SCHOOL, "s-east-01").bearer()),
                Arguments.of("school and district roles mixed", ISSUER.school("d-east", "s-east-01", Role.CLERK)
                        .roles(Role.CLERK, Role.ADMINISTRATOR).bearer()),
                Arguments.of("tenant with a dollar", ISSUER.school("d-east", "s-east-01", Role.CLERK)
                        .claim(TokenClaims.SCHOOL, "$where").bearer()),
                Arguments.of("not a JWT", "Bearer not-a-token"),
                Arguments.of("empty bearer", "Bearer "),
                Arguments.of("bearer with characters a token cannot hold", "Bearer abc def"),
                Arguments.of("bearer without a space", "Bearerabc"),
                Arguments.of("basic credentials", "Basic dXNlcjpwYXNzd29yZA=="));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokensTheDoorRefuses")
    void aTokenThatCannotBeTrustedIsA401ProblemAndNoServiceIsCalled(String why, String authorization) {
        int before = SERVICE.requests();

        client.post().uri("/api/v1/petitions").header("Authorization", authorization)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"x\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("WWW-Authenticate", challenge -> assertThat(challenge).startsWith("Bearer"))
                .expectHeader().exists("X-Request-Id")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.detail").isNotEmpty().jsonPath("$.instance").isEqualTo("/api/v1/petitions");

        assertThat(SERVICE.requests()).isEqualTo(before);
    }

    @Test
    void aSignedTokenWithoutATenantSaysWhichClaimIsWrong() {
        client.get().uri("/api/v1/reports/districts/d-east")
                .header("Authorization", ISSUER.district("d-east", Role.BUREAU_ANALYST).without(TokenClaims.DISTRICT)
                        .bearer())
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().value("WWW-Authenticate", challenge -> assertThat(challenge)
                        .startsWith("Bearer error=\"invalid_token\"").contains("district"))
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("district"));
    }

    @Test
    void noTokenIsA401OnEveryRouteAndOnPathsWithoutARoute() {
        int before = SERVICE.requests();
        for (String path : new String[] {"/api/v1/petitions", "/api/v1/visits", "/api/v1/routing/rules",
            "/api/v1/alerts", "/api/v1/incidents", "/api/v1/contacts", "/api/v1/reports/districts/d-east",
            "/api/v1/subscriptions", "/api/v1/nowhere", "/fallback/intake"}) {
            client.get().uri(path).header("X-District", "d-east").header("X-School", "s-east-01")
                    .header("X-Role", "ADMINISTRATOR")
                    .exchange().expectStatus().isUnauthorized()
                    .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(SERVICE.requests()).isEqualTo(before);
    }

    @Test
    void healthAndMetricsNeedNoTokenOnTheManagementPort() {
        WebTestClient management = Management.client(managementPort);
        management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    @Test
    void theDoorAnswersNoActuatorWithOrWithoutAToken() {
        String token = ISSUER.school("d-east", "s-east-01", Role.CLERK).bearer();
        for (String path : List.of("/actuator/gateway/routes", "/actuator/prometheus", "/actuator/health",
                "/actuator/env")) {
            for (WebTestClient.RequestHeadersSpec<?> request : List.of(client.get().uri(path),
                    client.get().uri(path).header("Authorization", token))) {
                request.exchange().expectStatus().isNotFound()
                        .expectBody(String.class).value(body -> assertThat(body).doesNotContain("route_id")
                                .doesNotContain("127.0.0.1").doesNotContain("jvm_"));
            }
        }
    }

    @Test
    void anApiClientGetsNoSessionAndNoLoginPage() {
        client.get().uri("/api/v1/petitions/p-1")
                .header("Authorization", ISSUER.school("d-east", "s-east-01", Role.CLERK).bearer())
                .exchange().expectStatus().isOk().expectHeader().doesNotExist("Set-Cookie");
        client.get().uri("/login").exchange().expectStatus().isUnauthorized();
        // Sign-out belongs to the console's session and, like every write of it, needs its CSRF token.
        client.post().uri("/logout").exchange().expectStatus().isForbidden();
    }
}
