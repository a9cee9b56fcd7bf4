package org.xinfang.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole suite as separate processes, started by {@code ./stack up} exactly as a developer would: a petition
 * posted to the gateway is stored by intake, routed by routing over the real broker, raises an alert in notification
 * and is counted by reporting, and every effect is visible through the gateway. Then {@code ./stack down} leaves
 * nothing running.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {

    private static final Duration EFFECT_WITHIN = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String DISTRICT = "d-e2e-" + Long.toString(System.nanoTime(), 36);
    private static final String SCHOOL = "s-e2e-01";

    private static LocalStack stack;
    private static String petitionId;

    @BeforeAll
    static void startTheSuite() {
        stack = new LocalStack(Path.of("target/stack"));
        LocalStack.Result up = stack.run("up");
        assertThat(up.exitCode()).as("./stack up failed:\n%s\n%s", up.output(), stack.logTails()).isZero();
        assertThat(up.output()).contains("gateway at http://localhost:" + stack.port("GATEWAY_PORT"));
    }

    @AfterAll
    static void stopTheSuite() {
        if (stack == null) {
            return;
        }
        Map<String, Long> pids = stack.pids();
        LocalStack.Result down = stack.run("down");
        assertThat(down.exitCode()).as(down.output()).isZero();
        for (Map.Entry<String, Long> pid : pids.entrySet()) {
            assertThat(ProcessHandle.of(pid.getValue()).map(ProcessHandle::isAlive).orElse(false))
                    .as(pid.getKey() + " still running after ./stack down").isFalse();
        }
    }

    @Test
    @Order(1)
    void aSecondUpStartsNoDuplicates() {
        Map<String, Long> before = stack.pids();
        LocalStack.Result again = stack.run("up");
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).doesNotContain("started ");
        assertThat(stack.pids()).isEqualTo(before).hasSize(LocalStack.COMPONENTS.size());
    }

    @Test
    @Order(1)
    void aTakenPortGivesAClearMessageAndStartsNothing() throws IOException {
        try (ServerSocket squatter = new ServerSocket(0)) {
            LocalStack other = new LocalStack(stack.home().resolveSibling("stack-clash"))
                    .withEnvironment("MONGO_PORT", String.valueOf(squatter.getLocalPort()));
            LocalStack.Result result = other.run("up");
            assertThat(result.exitCode()).isNotZero();
            assertThat(result.output()).contains("port " + squatter.getLocalPort() + " for mongo is taken");
            assertThat(other.pids()).isEmpty();
        }
    }

    @Test
    @Order(2)
    void aGroupPetitionFlowsThroughEveryService() throws Exception {
        String body = """
                {"channel":"VISIT","form":"GROUP","headcount":12,"escalated":false,"anonymous":false,
                 "petitioners":[{"name":"王某","phone":"13800000000","relation":"PARENT"}],
                 "subject":null,"title":"家长反映食堂卫生问题",
                 "description":"十余名家长在校门口聚集，反映学校食堂卫生条件差，要求学校说明情况。",
                 "place":"学校正门","riskSignals":["BLOCKING"]}""";
        HttpResponse<String> created = HTTP.send(request("/api/v1/petitions")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode petition = JSON.readTree(created.body());
        petitionId = petition.get("id").asString();
        assertThat(petitionId).isNotBlank();
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(petitionId));
        assertThat(petition.get("state").asString()).isEqualTo("RECEIVED");

        JsonNode routed = await("/api/v1/petitions/" + petitionId, p -> "ROUTED".equals(p.path("state").asString()));
        assertThat(routed.get("department").asString()).isNotBlank();
        assertThat(routed.get("level").asString()).isIn("ELEVATED", "HIGH", "CRITICAL");

        JsonNode decision = await("/api/v1/routing/decisions/" + petitionId, d -> d.has("department"));
        assertThat(decision.get("department").asString()).isEqualTo(routed.get("department").asString());

        JsonNode alerts = await("/api/v1/alerts?petitionId=" + petitionId, a -> a.isArray() && !a.isEmpty());
        assertThat(alerts.get(0).get("petitionId").asString()).isEqualTo(petitionId);
        assertThat(alerts.toString()).doesNotContain("王某").doesNotContain("13800000000");

        JsonNode report = await("/api/v1/reports/districts/" + DISTRICT,
                r -> r.path("totals").path("received").asLong() >= 1);
        assertThat(report.path("counts").path("school").path(SCHOOL).asLong()).isEqualTo(1);
        assertThat(report.toString()).doesNotContain("王某").doesNotContain("13800000000");
    }

    @Test
    @Order(3)
    void everyServiceReportsHealthAndMetrics() throws Exception {
        for (String port : new String[] {"GATEWAY_PORT", "INTAKE_PORT", "ROUTING_PORT", "NOTIFICATION_PORT", "REPORTING_PORT"}) {
            String base = "http://127.0.0.1:" + stack.port(port);
            for (String path : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).as(base + path).isEqualTo(200);
                assertThat(health.body()).contains("\"UP\"");
            }
            HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).as(base + "/actuator/prometheus").isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        }
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("X-District", DISTRICT)
                .header("X-School", SCHOOL)
                .header("X-Request-Id", "e2e-" + System.nanoTime());
    }

    /** Polls a GET through the gateway until the answer satisfies the condition, within a bound. */
    private static JsonNode await(String path, Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plus(EFFECT_WITHIN);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200) {
                JsonNode node = JSON.readTree(response.body());
                if (condition.test(node)) {
                    return node;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("GET " + path + " never satisfied the condition within " + EFFECT_WITHIN
                + "; last answer: " + last + "\n" + stack.logTails());
    }
}
