package org.xinfang.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suite under {@code kill -9}: clerks register petitions through the gateway at a steady rate (retrying with the
 * same {@code Idempotency-Key}, as a careful client does) while the store, the broker, every service and the gateway
 * are killed in turn, each restarted by {@code ./stack up NAME}. Afterwards every acknowledged petition exists exactly
 * once and is routed, the district's report counts each exactly once, each critical alert reached each of its
 * contacts once (after the receiver's de-duplication), no answer was a 5xx other than 503 with Retry-After, and no
 * record waits on a dead-letter topic.
 *
 * <p>{@code -Dfaults.petitions=N} keeps killing, round after round, until N petitions were issued (the longer run of
 * BENCHMARKS.md); {@code -Dfaults.rate} sets petitions per second (10). The figures go to
 * {@code target/fault-run.txt}.
 *
 * <p>It runs in every build, after the walking skeleton has downed the shared suite (its own suite, on free ports,
 * costs about 4 minutes on two cores: one round of kills at 10 petitions a second); {@code -Dfaults.skip=true} leaves
 * it out of a quick local build.
 */
@Order(10)
@DisabledIfSystemProperty(named = "faults.skip", matches = "true",
        disabledReason = "the kill -9 fault test was skipped with -Dfaults.skip=true")
class KillNineIT {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KillNineIT.class);

    /** The store first, then the broker, the services and the gateway, as the run did. */
    private static final List<String> VICTIMS = List.of("mongo", "kafka", "intake", "routing", "notification",
            "reporting", "gateway");
    private static final String DISTRICT = "d-east";
    private static final String SCHOOL = "s-east-01";
    /** Who a critical alert must reach, by contact id, and which alert each gets first. */
    private static final Map<String, String> CRITICAL_CONTACTS = Map.of(
            "police-east-01", "POLICE_ALERT",
            "principal-east-01", "PRINCIPAL_ALERT",
            "leader-east-01", "ACTIVATION_REQUEST",
            "duty-east", "BUREAU_ALERT");
    private static final int RATE = Integer.getInteger("faults.rate", 10);
    private static final int PETITIONS = Integer.getInteger("faults.petitions", 0);
    /** Load between one restart and the next kill. */
    private static final Duration BETWEEN_KILLS = Duration.ofSeconds(Long.getLong("faults.between-kills-seconds", 3));
    private static final Duration SETTLE_WITHIN = Duration.ofSeconds(180);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static LocalStack stack;
    private static AlertReceiver receiver;
    private static final Map<String, Object> figures = new LinkedHashMap<>();

    @BeforeAll
    static void startTheSuite() throws IOException {
        Path home = Path.of("target/stack-faults");
        // A fresh store and broker: the report must count exactly this run's petitions.
        if (Files.exists(home)) {
            try (Stream<Path> old = Files.walk(home)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        receiver = new AlertReceiver();
        // A shared two-core machine can take minutes to start eight JVMs; the kills below are the test, not the start.
        stack = new LocalStack(home).withEnvironment("STACK_HEALTH_TIMEOUT", System.getProperty("faults.health-timeout", "300"));
        LocalStack.Result up = stack.run("up");
        assertThat(up.exitCode()).as("./stack up failed:\n%s\n%s", up.output(), stack.logTails()).isZero();
        String admin = "Bearer " + stack.token("east-admin");
        contact(admin, "police-east-01", SCHOOL, "POLICE", "东区派出所值班室");
        contact(admin, "principal-east-01", SCHOOL, "PRINCIPAL", "东区第一小学校长");
        contact(admin, "leader-east-01", SCHOOL, "LEADER", "东区第一小学信访领导小组组长");
        contact(admin, "duty-east", null, "BUREAU_DUTY", "东区教育局值班室");
    }

    @AfterAll
    static void stopTheSuite() throws IOException {
        if (receiver != null) {
            receiver.close();
        }
        if (stack != null) {
            LocalStack.Result down = stack.run("down");
            assertThat(down.exitCode()).as(down.output()).isZero();
        }
        StringBuilder text = new StringBuilder();
        figures.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
        Files.writeString(Path.of("target/fault-run.txt"), text, StandardCharsets.UTF_8);
        log.info("fault run figures (also in target/fault-run.txt):\n{}", text);
    }

    @Test
    void everyAcknowledgedPetitionSurvivesKillNineOfEveryComponent() throws Exception {
        String clerk = "Bearer " + stack.token("east-01-clerk");
        Instant began = Instant.now();
        List<String> kills = new ArrayList<>();
        try (PetitionLoad load = new PetitionLoad(stack.gatewayUrl(), clerk, RATE, 10)) {
            load.start();
            pause(BETWEEN_KILLS);
            do {
                for (String victim : VICTIMS) {
                    kills.add(victim + " " + killAndRestart(victim).toMillis() + " ms");
                    pause(BETWEEN_KILLS);
                }
            } while (load.issued() < PETITIONS);
            load.stop(SETTLE_WITHIN);
            int unfinished = load.awaitClients(SETTLE_WITHIN.plusSeconds(45));
            Map<String, String> acknowledged = load.acknowledged();
            figures.put("rate per second", RATE);
            figures.put("load seconds", Duration.between(began, Instant.now()).toSeconds());
            figures.put("kills (kill -9, then ./stack up NAME until healthy)", kills);
            figures.put("petitions issued", load.issued());
            figures.put("acknowledged", acknowledged.size());
            figures.put("critical acknowledged", load.critical().size());
            figures.put("answers by status", load.answers());
            figures.put("5xx other than 503 with Retry-After", load.faults().size());
            figures.put("never acknowledged (clients gave up or still retrying)", load.givenUp().size() + unfinished);
            figures.put("refused with a 4xx", load.refused().size());

            String analyst = "Bearer " + stack.token("east-analyst");
            long[] counted = {-1};
            boolean reportExact = await(SETTLE_WITHIN, () -> {
                counted[0] = get("/api/v1/reports/districts/" + DISTRICT, analyst)
                        .path("counts").path("school").path(SCHOOL).asLong(-1);
                return counted[0] == acknowledged.size();
            });
            figures.put("counted by reporting", counted[0]);

            // The school's list says, page by page, what is stored and where it went: a few requests, not one per
            // petition (which the gateway's limit per client would slow to a crawl).
            Map<String, JsonNode> stored = new HashMap<>();
            List<String> listed = new ArrayList<>();
            Set<String> unrouted = new HashSet<>();
            await(SETTLE_WITHIN, () -> {
                listed.clear();
                stored.clear();
                for (JsonNode item : listed(clerk)) {
                    listed.add(item.path("id").asString());
                    stored.put(item.path("id").asString(), item);
                }
                unrouted.clear();
                acknowledged.keySet().stream().filter(id -> !stored.containsKey(id)
                        || !stored.get(id).hasNonNull("department")).forEach(unrouted::add);
                return unrouted.isEmpty();
            });
            // Absent from the list: asked for one by one, a 404 is a petition acknowledged and then lost.
            Set<String> lost = acknowledged.keySet().stream().filter(id -> !stored.containsKey(id))
                    .filter(id -> !get("/api/v1/petitions/" + id, clerk).has("id")).collect(Collectors.toSet());
            long duplicated = listed.size() - new HashSet<>(listed).size()
                    + listed.stream().filter(id -> !acknowledged.containsKey(id)).count();
            figures.put("lost (acknowledged, then not found)", lost.size());
            figures.put("unrouted", unrouted.size() - lost.size());
            figures.put("duplicated (listed twice or never acknowledged)", duplicated);

            Map<String, Long> perContact = new HashMap<>();
            List<String> missedAlerts = new ArrayList<>();
            await(SETTLE_WITHIN, () -> {
                perContact.clear();
                for (AlertReceiver.Delivery d : receiver.deliveries()) {
                    if (d.step() == 0) {
                        perContact.merge(d.petitionId() + " " + d.contact() + " " + d.kind(), 1L, Long::sum);
                    }
                }
                missedAlerts.clear();
                for (String id : load.critical()) {
                    CRITICAL_CONTACTS.forEach((contact, kind) -> {
                        if (!perContact.containsKey(id + " " + contact + " " + kind)) {
                            missedAlerts.add(id + " " + contact + " " + kind);
                        }
                    });
                }
                return missedAlerts.isEmpty();
            });
            List<String> repeated = perContact.entrySet().stream().filter(e -> e.getValue() > 1)
                    .map(e -> e.getKey() + " ×" + e.getValue()).toList();
            figures.put("critical alerts missing a contact", missedAlerts.size());
            figures.put("critical alerts reaching a contact twice (distinct keys)", repeated.size());
            figures.put("webhook posts received (repeats included)", receiver.received());

            Map<String, Long> letters = DeadLetterCheck.letters("127.0.0.1:" + stack.port("KAFKA_PORT"));
            figures.put("dead letters", letters);

            assertThat(load.faults()).as("5xx answers other than 503 with Retry-After").isEmpty();
            assertThat(load.refused()).as("petitions refused with a 4xx").isEmpty();
            assertThat(load.givenUp()).as("petitions never acknowledged").isEmpty();
            assertThat(unfinished).as("clients still retrying when the run ended").isZero();
            assertThat(lost).as("acknowledged petitions lost").isEmpty();
            assertThat(unrouted).as("acknowledged petitions not routed").isEmpty();
            assertThat(duplicated).as("petitions stored twice or never acknowledged").isZero();
            assertThat(reportExact).as("reporting counted %s of %s", counted[0], acknowledged.size()).isTrue();
            assertThat(missedAlerts).as("critical alerts that did not reach a contact").isEmpty();
            assertThat(repeated).as("critical alerts that reached a contact twice").isEmpty();
            assertThat(letters).as("records on dead-letter topics").isEmpty();
        } catch (AssertionError | RuntimeException e) {
            figures.put("failure", e.getMessage());
            throw new AssertionError(e.getMessage() + "\n" + stack.logTails(), e);
        }
    }

    /** kill -9 of one component, then {@code ./stack up NAME}, which returns once it is healthy again. */
    private static Duration killAndRestart(String victim) throws Exception {
        Long pid = stack.pids().get(victim);
        assertThat(pid).as("pid of %s", victim).isNotNull();
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(victim + " is not running"));
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
        long started = System.nanoTime();
        LocalStack.Result up = stack.run("up", victim);
        assertThat(up.exitCode()).as("./stack up %s:\n%s\n%s", victim, up.output(), stack.logTails()).isZero();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Every petition of the school, page after page, as the list gives them (duplicates kept). */
    private static List<JsonNode> listed(String clerk) {
        List<JsonNode> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get("/api/v1/petitions?limit=100" + (cursor == null ? "" : "&cursor=" + cursor), clerk);
            page.path("items").forEach(ids::add);
            cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asString() : null;
        } while (cursor != null);
        return ids;
    }

    private static void contact(String admin, String id, String school, String role, String name) {
        String body = """
                {"role":"%s","name":"%s","webhookUrl":"%s","active":true}""".formatted(role, name, receiver.url(id));
        String path = "/api/v1/contacts/" + id + (school == null ? "" : "?school=" + school);
        HttpResponse<String> saved = send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(saved.statusCode()).as("contact %s: %s", id, saved.body()).isBetween(200, 201);
    }

    /**
     * A read through the gateway; a 404 reads as an empty document. A 503 (a breaker still open after the last
     * restart) or a 429 (the limit per client) is asked again after its Retry-After, as a client would, for up to a
     * minute.
     */
    private static JsonNode get(String path, String bearer) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Authorization", bearer).GET());
        while ((answer.statusCode() == 503 || answer.statusCode() == 429) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1000L * Math.max(1, answer.headers().firstValueAsLong("Retry-After").orElse(1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            answer = send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                    .header("Authorization", bearer).GET());
        }
        if (answer.statusCode() == 404) {
            return JSON.createObjectNode();
        }
        assertThat(answer.statusCode()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asks again every half second until the condition holds or the time is up; answers whether it held. */
    private static boolean await(Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(500);
        }
        return true;
    }

    private static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
