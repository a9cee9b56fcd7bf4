package org.xinfang.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole suite as separate processes, started by {@code ./stack up} exactly as a developer would, driven with real
 * tokens of the local issuer from {@code ./stack token}: a petition a school's clerk posts to the gateway is stored by
 * intake, routed by routing over the real broker, raises an alert in notification, is accepted by the school's leader
 * and counted by reporting for the district's bureau analyst. Another school's clerk cannot find it (404), and without
 * a token the gateway lets nothing through (401). Every {@code xinfang_*} metric an alert rule or dashboard of deploy/
 * uses is exposed by a running service. Then {@code ./stack down} leaves nothing running.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(9)
class WalkingSkeletonIT {

    private static final Duration EFFECT_WITHIN = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** One client for the whole walk, kept-alive connections reused as any client would. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** The tenant of the demo clients used below (local-stack/issuer demo-clients.yml). */
    private static final String DISTRICT = "d-east";
    private static final String SCHOOL = "s-east-01";
    private static final String[] SERVICE_PORTS =
            {"GATEWAY_PORT", "INTAKE_PORT", "ROUTING_PORT", "NOTIFICATION_PORT", "REPORTING_PORT"};
    /** Where each part of the suite answers its actuator: the services on their one port, the gateway on its own. */
    private static final String[] ACTUATOR_PORTS =
            {"GATEWAY_MANAGEMENT_PORT", "INTAKE_PORT", "ROUTING_PORT", "NOTIFICATION_PORT", "REPORTING_PORT"};
    private static final Pattern SUITE_METRIC = Pattern.compile("\\bxinfang_[a-z0-9_]+");

    private static LocalStack stack;
    private static String petitionId;
    private static String clerk;

    @BeforeAll
    static void startTheSuite() {
        stack = SharedStack.up();
        // Up again, as a user would: the suite is found running and healthy.
        LocalStack.Result up = stack.run("up");
        assertThat(up.exitCode()).as("./stack up failed:\n%s\n%s", up.output(), stack.logTails()).isZero();
        assertThat(up.output()).contains("gateway at http://localhost:" + stack.port("GATEWAY_PORT"));
        clerk = stack.token("east-01-clerk");
    }

    @AfterAll
    static void stopTheSuite() {
        if (stack == null) {
            return;
        }
        Map<String, Long> pids = stack.pids();
        LocalStack.Result down = SharedStack.down();
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
        String analyst = stack.token("east-analyst");
        String reportPath = "/api/v1/reports/districts/" + DISTRICT;
        // The stack's data folder may hold earlier runs: count from what the report says now.
        long before = schoolCount(reportPath, analyst);
        String body = """
                {"channel":"VISIT","form":"GROUP","headcount":12,"escalated":false,"anonymous":false,
                 "petitioners":[{"name":"王某","phone":"13800000000","relation":"PARENT"}],
                 "subject":null,"title":"家长反映食堂卫生问题",
                 "description":"十余名家长在校门口聚集，反映学校食堂卫生条件差，要求学校说明情况。",
                 "place":"学校正门","riskSignals":["BLOCKING"]}""";
        HttpResponse<String> created = HTTP.send(request("/api/v1/petitions", clerk)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode petition = JSON.readTree(created.body());
        petitionId = petition.get("id").asString();
        assertThat(petitionId).isNotBlank();
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(petitionId));
        assertThat(petition.get("state").asString()).isEqualTo("RECEIVED");

        JsonNode routed = await("/api/v1/petitions/" + petitionId, clerk,
                p -> "ROUTED".equals(p.path("state").asString()));
        assertThat(routed.get("department").asString()).isNotBlank();
        assertThat(routed.get("level").asString()).isIn("ELEVATED", "HIGH", "CRITICAL");

        JsonNode alerts = await("/api/v1/alerts?petitionId=" + petitionId, clerk, a -> a.isArray() && !a.isEmpty());
        assertThat(alerts.get(0).get("petitionId").asString()).isEqualTo(petitionId);
        assertThat(alerts.toString()).doesNotContain("王某").doesNotContain("13800000000");

        // The school's leader decides: the petition is accepted (受理).
        HttpResponse<String> accepted = HTTP.send(request("/api/v1/petitions/" + petitionId + "/actions/accept",
                stack.token("east-01-leader")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(JSON.readTree(accepted.body()).path("state").asString()).isEqualTo("ACCEPTED");

        JsonNode report = await(reportPath, analyst,
                r -> r.path("counts").path("school").path(SCHOOL).asLong(0) >= before + 1);
        assertThat(report.path("counts").path("school").path(SCHOOL).asLong()).isEqualTo(before + 1);
        assertThat(report.toString()).doesNotContain("王某").doesNotContain("13800000000");
    }

    @Test
    @Order(3)
    void anotherSchoolCannotFindThePetitionAndNoTokenOpensNothing() throws Exception {
        assertThat(petitionId).as("the petition of the previous step").isNotNull();
        HttpResponse<String> foreign = HTTP.send(request("/api/v1/petitions/" + petitionId,
                stack.token("east-02-clerk")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("王某").doesNotContain("家长反映");

        for (String path : new String[] {"/api/v1/petitions/" + petitionId, "/api/v1/petitions",
            "/api/v1/alerts?petitionId=" + petitionId, "/api/v1/reports/districts/" + DISTRICT}) {
            HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                    .timeout(Duration.ofSeconds(10)).header("X-District", DISTRICT).header("X-School", SCHOOL)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
            assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    @Order(4)
    void everyServiceAndTheIssuerListenOnLoopbackOnly() throws Exception {
        List<InetAddress> outward = java.util.Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(nic -> { try { return nic.isUp(); } catch (java.net.SocketException e) { return false; } })
                .flatMap(nic -> java.util.Collections.list(nic.getInetAddresses()).stream())
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress()).toList();
        List<String> ports = new java.util.ArrayList<>(List.of(SERVICE_PORTS));
        ports.add("GATEWAY_MANAGEMENT_PORT");
        ports.add("ISSUER_PORT");
        for (String port : ports) {
            int number = Integer.parseInt(stack.port(port));
            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress("127.0.0.1", number), 2000);
            }
            for (InetAddress address : outward) {
                try (Socket around = new Socket()) {
                    around.connect(new InetSocketAddress(address, number), 2000);
                    throw new AssertionError(port + " answers on " + address + ": reachable around the gateway");
                } catch (java.net.ConnectException | java.net.SocketTimeoutException expected) {
                    // Refused (or dropped) on every address but loopback.
                }
            }
        }
    }

    @Test
    @Order(4)
    void everyServiceReportsHealthAndMetrics() throws Exception {
        for (String port : ACTUATOR_PORTS) {
            String base = "http://127.0.0.1:" + stack.port(port);
            for (String path : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).as(base + path).isEqualTo(200);
                assertThat(health.body()).contains("\"UP\"");
            }
            HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).as(base + "/actuator/prometheus").isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        }
    }

    @Test
    @Order(4)
    void theDoorServesNoActuator() throws Exception {
        // The route table names the services' addresses, the metrics every client's traffic: the management port only.
        for (String path : List.of("/actuator/gateway/routes", "/actuator/prometheus", "/actuator/health")) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).doesNotContain("route_id").doesNotContain("jvm_")
                    .doesNotContain(":" + stack.port("INTAKE_PORT")).doesNotContain(":" + stack.port("REPORTING_PORT"));
        }
    }

    @Test
    @Order(4)
    void everySuiteMetricTheAlertRulesAndDashboardsUseIsExposedByARunningService() throws Exception {
        Set<String> used = metricsUsedInDeploy();
        // The rules and dashboard name these; finding none would mean the files were not read.
        assertThat(used).contains("xinfang_petitions_overdue", "xinfang_alert_deliveries_total");
        Set<String> exposed = new TreeSet<>();
        for (String port : ACTUATOR_PORTS) {
            String base = "http://127.0.0.1:" + stack.port(port);
            HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).as(base + "/actuator/prometheus").isEqualTo(200);
            // A sample line: the name, then its labels or its value.
            metrics.body().lines().filter(line -> line.startsWith("xinfang_"))
                    .map(line -> line.split("[{ ]", 2)[0]).forEach(exposed::add);
        }
        assertThat(used).as("xinfang_* metrics of deploy/'s rules and dashboards that no running service exposes"
                + " (exposed: %s)", exposed).allMatch(exposed::contains);
    }

    /** Every {@code xinfang_*} name in the alert rule files and Grafana dashboards under deploy/. */
    private static Set<String> metricsUsedInDeploy() throws IOException {
        Path deploy = Path.of("../../deploy").toAbsolutePath().normalize();
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(deploy)) {
            for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                String name = file.getFileName().toString();
                String text = Files.readString(file);
                boolean rules = name.matches(".*\\.ya?ml") && text.contains("kind: PrometheusRule");
                boolean dashboard = name.endsWith(".json") && text.contains("\"panels\"");
                if (rules || dashboard) {
                    Matcher metric = SUITE_METRIC.matcher(text);
                    while (metric.find()) {
                        names.add(metric.group());
                    }
                }
            }
        }
        return names;
    }

    @Test
    @Order(5)
    void theGatewayServesEveryServicesApiDocumentPointingBackAtItself() throws Exception {
        for (String service : new String[] {"intake", "routing", "notification", "reporting"}) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                    URI.create(stack.gatewayUrl() + "/v3/api-docs/" + service)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(service + ": " + answer.body()).isEqualTo(200);
            JsonNode document = JSON.readTree(answer.body());
            assertThat(document.path("info").path("title").asString()).isEqualTo(service + "-service");
            assertThat(document.path("servers").path(0).path("url").asString()).as(service).isEqualTo("/");
            assertThat(document.path("paths").propertyNames()).as(service).isNotEmpty()
                    // The prefixes the gateway routes: the signed-in API and intake's public door.
                    .allSatisfy(path -> assertThat(path).matches("/(api|public)/v1/.*"));
        }
    }

    private static HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("X-Request-Id", "e2e-" + System.nanoTime());
    }

    /** The district report's count for the school right now (0 while the district has no report). */
    private static long schoolCount(String reportPath, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(request(reportPath, token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isIn(200, 404);
        if (response.statusCode() != 200 || response.body().isBlank()) {
            return 0;
        }
        return JSON.readTree(response.body()).path("counts").path("school").path(SCHOOL).asLong(0);
    }

    /** Polls a GET through the gateway until the answer satisfies the condition, within a bound. */
    private static JsonNode await(String path, String token, Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plus(EFFECT_WITHIN);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = HTTP.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
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
