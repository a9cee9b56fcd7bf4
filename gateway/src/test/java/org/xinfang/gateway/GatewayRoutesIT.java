package org.xinfang.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.TestIssuer;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

/**
 * The gateway in front of four real HTTP services on local ports: every public path reaches the right service with
 * the caller's token unchanged and a request id, tenancy headers a caller sets are dropped, bodies and streams pass
 * through, each service's OpenAPI document is served without a token, and the route table holds every route (an old
 * property name would silently leave it empty).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "xinfang.gateway.rate-limit.burst=1000",
        "CORS_ALLOWED_ORIGINS=https://console.xinfang.example,https://bureau.xinfang.example"})
@AutoConfigureWebTestClient(timeout = "20s")
class GatewayRoutesIT {

    static final FakeService INTAKE = new FakeService("intake");
    static final FakeService ROUTING = new FakeService("routing");
    static final FakeService NOTIFICATION = new FakeService("notification");
    static final FakeService REPORTING = new FakeService("reporting");

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("INTAKE_URL", INTAKE::url);
        registry.add("ROUTING_URL", ROUTING::url);
        registry.add("NOTIFICATION_URL", NOTIFICATION::url);
        registry.add("REPORTING_URL", REPORTING::url);
        TestIssuer.shared().resourceServerProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @AfterAll
    static void stopUpstreams() {
        Stream.of(INTAKE, ROUTING, NOTIFICATION, REPORTING).forEach(FakeService::close);
    }

    static final String CLERK = TestIssuer.shared().school("d-east", "s-east-01", Role.CLERK).bearer();

    @Autowired
    WebTestClient client;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Every request here carries a valid token; GatewayTokensIT covers the ones without. */
    @BeforeEach
    void authenticate() {
        // A loaded build machine can take seconds over a first actuator call: more room than the 5 s default.
        client = client.mutate().defaultHeader("Authorization", CLERK).responseTimeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void routeTableHoldsEveryServiceWithItsPaths() {
        List<Map<String, Object>> routes = Management.client(managementPort).get().uri("/actuator/gateway/routes")
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();

        assertThat(routes).extracting(r -> r.get("route_id"))
                .containsExactlyInAnyOrder("intake", "routing", "notification", "reporting", "intake-api-docs",
                        "routing-api-docs", "notification-api-docs", "reporting-api-docs", "public-door");
        assertThat(uriOf(routes, "intake")).isEqualTo(INTAKE.url());
        assertThat(uriOf(routes, "public-door")).isEqualTo(INTAKE.url());
        assertThat(uriOf(routes, "routing")).isEqualTo(ROUTING.url());
        assertThat(uriOf(routes, "notification")).isEqualTo(NOTIFICATION.url());
        assertThat(uriOf(routes, "reporting")).isEqualTo(REPORTING.url());
        assertThat(predicateOf(routes, "intake")).contains("/api/v1/petitions/**", "/api/v1/visits/**");
        assertThat(predicateOf(routes, "notification"))
                .contains("/api/v1/alerts/**", "/api/v1/incidents/**", "/api/v1/contacts/**");
        assertThat(predicateOf(routes, "reporting")).contains("/api/v1/reports/**", "/api/v1/subscriptions/**");
        assertThat(predicateOf(routes, "routing")).contains("/api/v1/routing/**");
        assertThat(uriOf(routes, "intake-api-docs")).isEqualTo(INTAKE.url());
        assertThat(uriOf(routes, "reporting-api-docs")).isEqualTo(REPORTING.url());
    }

    @Test
    void anOperatorsPathIsNotRouted() {
        int before = REPORTING.requests();
        client.post().uri("/api/v1/admin/rebuild").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(REPORTING.requests()).isEqualTo(before);
    }

    static Stream<Arguments> publicPaths() {
        return Stream.of(
                Arguments.of("/api/v1/petitions", "intake"),
                Arguments.of("/api/v1/petitions/p-1", "intake"),
                Arguments.of("/api/v1/visits", "intake"),
                Arguments.of("/api/v1/visits/v-1/notes", "intake"),
                Arguments.of("/api/v1/departments/LOGISTICS/inbox", "intake"),
                Arguments.of("/api/v1/routing/decisions/p-1", "routing"),
                Arguments.of("/api/v1/alerts", "notification"),
                Arguments.of("/api/v1/alerts/a-1/acknowledgement", "notification"),
                Arguments.of("/api/v1/incidents", "notification"),
                Arguments.of("/api/v1/contacts/c-1", "notification"),
                Arguments.of("/api/v1/silences", "notification"),
                Arguments.of("/api/v1/reports/districts/d-east", "reporting"),
                Arguments.of("/api/v1/subscriptions", "reporting"));
    }

    @ParameterizedTest
    @MethodSource("publicPaths")
    void everyPublicPathReachesItsService(String path, String service) {
        Map<String, Object> echo = getEcho(path + "?from=2026-01-01&to=2026-01-31");

        assertThat(echo).containsEntry("service", service).containsEntry("path", path)
                .containsEntry("query", "from=2026-01-01&to=2026-01-31");
    }

    @Test
    void alertsCollectionKeepsItsQuery() {
        Map<String, Object> echo = getEcho("/api/v1/alerts?petitionId=p-42");

        assertThat(echo).containsEntry("service", "notification").containsEntry("query", "petitionId=p-42");
    }

    @Test
    void theTokenIsRelayedUnchangedTenancyHeadersAreDroppedAndARequestIdIsMadeForwardedAndReturned() {
        String token = TestIssuer.shared().school("d-east", "s-east-01", Role.LEADER).bearer();
        var result = client.get().uri("/api/v1/petitions/p-1").header("Authorization", token)
                .header("X-District", "d-west").header("X-School", "s-west-01")
                .header("X-User-Id", "u-7").header("X-Role", "ADMINISTRATOR").header("X-User", "someone")
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult();

        List<String> returnedIds = result.getResponseHeaders().get("X-Request-Id");
        assertThat(returnedIds).hasSize(1);
        assertThat(returnedIds.get(0)).matches("[0-9a-f-]{36}");
        assertThat(headersOf(result.getResponseBody())).containsEntry("Authorization", token)
                .containsEntry("X-Request-Id", returnedIds.get(0))
                .doesNotContainKeys("X-District", "X-School", "X-User-Id", "X-Role", "X-User");
    }

    @ParameterizedTest
    @MethodSource("documentedServices")
    void eachServicesOpenApiDocumentIsServedThroughTheGatewayWithoutAToken(String service) {
        Map<String, Object> echo = WebTestClient.bindToServer().baseUrl(baseUrl()).build()
                .get().uri("/v3/api-docs/" + service).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();

        assertThat(echo).containsEntry("service", service).containsEntry("path", "/v3/api-docs");
    }

    static Stream<String> documentedServices() {
        return Stream.of("intake", "routing", "notification", "reporting");
    }

    @Test
    void theDocumentationUiListsEveryServiceWithoutAToken() {
        WebTestClient anonymous = WebTestClient.bindToServer().baseUrl(baseUrl()).build();
        anonymous.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("default-src 'self'"));
        anonymous.get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk()
                .expectBody(String.class).value(config -> assertThat(config)
                        .contains("/v3/api-docs/intake", "/v3/api-docs/routing", "/v3/api-docs/notification",
                                "/v3/api-docs/reporting"));
    }

    @Test
    void aCallersRequestIdIsKeptAndAnUnsafeOneReplaced() {
        client.get().uri("/api/v1/reports/districts/d-east").header("X-Request-Id", "caller-id-1")
                .exchange().expectHeader().valueEquals("X-Request-Id", "caller-id-1")
                .expectBody().jsonPath("$.headers.X-Request-Id").isEqualTo("caller-id-1");

        client.get().uri("/api/v1/reports/districts/d-east").header("X-Request-Id", "bad id\twith<html>")
                .exchange().expectHeader().value("X-Request-Id", id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void aPostedBodyReachesTheServiceWhole() {
        String petition = """
                {"channel":"VISIT","form":"GROUP","headcount":12,"escalated":false,"anonymous":false,
                 "title":"家长反映食堂卫生问题","description":"十余名家长在校门口聚集，反映食堂卫生差。"}""";
        int bytes = petition.getBytes(StandardCharsets.UTF_8).length;

        client.post().uri("/api/v1/petitions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(petition)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("intake").jsonPath("$.method").isEqualTo("POST")
                .jsonPath("$.bodyBytes").isEqualTo(bytes);
    }

    @Test
    void serverSentEventsStreamThroughWithoutWaitingForTheEnd() {
        Flux<String> events = client.mutate().responseTimeout(FakeService.EVENT_GAP.multipliedBy(3)).build()
                .get().uri("/api/v1/alerts/events").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();

        // The service sends the second event EVENT_GAP after the first. Passed through as they come, they arrive
        // about that far apart; buffered, they would arrive together. The stream must also outlive the gap
        // (no time limit cuts a long call).
        List<Long> arrivals = new ArrayList<>();
        StepVerifier.create(events.doOnNext(e -> arrivals.add(System.nanoTime())))
                .expectNext("first", "second")
                .expectComplete()
                .verify(FakeService.EVENT_GAP.multipliedBy(3));
        assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0)))
                .isGreaterThan(FakeService.EVENT_GAP.dividedBy(2));
    }

    @Test
    void manyLongCallsToOneServiceAtOnceAreAllServed() {
        // Forty live streams open together, each for EVENT_GAP: more than any per-service bulkhead of 25 would let in.
        HttpClient http = HttpClient.create(ConnectionProvider.newConnection()).baseUrl(baseUrl())
                .headers(h -> h.set("Authorization", CLERK).set("Accept", MediaType.TEXT_EVENT_STREAM_VALUE));
        List<String> answers = Flux.range(0, 40)
                .flatMap(i -> http.get().uri("/api/v1/reports/events").responseSingle((response, body) -> body
                        .asString().defaultIfEmpty("").map(text -> response.status().code() + " " + text.contains("second"))))
                .collectList().block(FakeService.EVENT_GAP.multipliedBy(6));

        assertThat(answers).hasSize(40).containsOnly("200 true");
    }

    @Test
    void aServicesOwnErrorIsRelayedAsItIsAndAGetIsNotRetriedForIt() {
        int before = ROUTING.requests();

        client.get().uri("/api/v1/routing/status/503").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().json("{\"status\":503}");

        assertThat(ROUTING.requests() - before).isEqualTo(1);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (String path : List.of("/api/v1/petitions/p-1", "/api/v1/nowhere", "/actuator/health")) {
            client.get().uri(path).exchange()
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                    .expectHeader().exists("Strict-Transport-Security")
                    .expectHeader().valueEquals("Cache-Control", "no-store");
        }
    }

    @Test
    void browsersMayCallOnlyFromConfiguredOrigins() {
        client.options().uri("/api/v1/petitions")
                .header("Origin", "https://console.xinfang.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Content-Type,X-Request-Id")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://console.xinfang.example");

        client.options().uri("/api/v1/petitions")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .exchange().expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");

        client.get().uri("/api/v1/petitions/p-1").header("Origin", "https://bureau.xinfang.example")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://bureau.xinfang.example")
                .expectHeader().value("Access-Control-Expose-Headers", h -> assertThat(h).contains("X-Request-Id"));

        int before = INTAKE.requests();
        client.get().uri("/api/v1/petitions/p-1").header("Origin", "https://evil.example")
                .exchange().expectStatus().isForbidden();
        assertThat(INTAKE.requests()).isEqualTo(before);
    }

    @Test
    void aPathWithNoRouteIsAProblemNotFound() {
        client.get().uri("/api/v1/nowhere").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void healthProbesAndMetricsAnswer() {
        WebTestClient management = Management.client(managementPort);
        for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            management.get().uri(probe).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        }
        client.get().uri("/api/v1/subscriptions").exchange().expectStatus().isOk();
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text)
                        .contains("http_server_requests_seconds_count").contains("application=\"gateway\"")
                        .contains("spring_cloud_gateway_requests_seconds_count").contains("routeId=\"reporting\"")
                        .contains("resilience4j_circuitbreaker_state")
                        // Each request is timed once as a whole and once per route, not again per security filter
                        // or as an upstream client call.
                        .doesNotContain("spring_security_").doesNotContain("http_client_requests"));
    }

    private Map<String, Object> getEcho(String uri) {
        return client.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> headersOf(Map<String, Object> echo) {
        return (Map<String, String>) echo.get("headers");
    }

    private static String uriOf(List<Map<String, Object>> routes, String id) {
        return String.valueOf(routeOf(routes, id).get("uri"));
    }

    private static String predicateOf(List<Map<String, Object>> routes, String id) {
        return String.valueOf(routeOf(routes, id).get("predicate"));
    }

    private static Map<String, Object> routeOf(List<Map<String, Object>> routes, String id) {
        return routes.stream().filter(r -> id.equals(r.get("route_id"))).findFirst().orElseThrow();
    }
}
