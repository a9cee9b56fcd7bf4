package org.xinfang.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clerks registering petitions through the gateway at a steady rate, each as a careful client does: one
 * {@code Idempotency-Key} per petition, kept across retries; after a 503 or 429 it waits as Retry-After says, after a
 * refused or timed-out connection one second, doubling to ten, and tries again until the petition is acknowledged
 * (201) or it gives up.
 * Every answer is counted by status; a 5xx that is not a 503 with Retry-After is kept as a fault of the suite.
 */
final class PetitionLoad implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Longer than the gateway's own upstream timeout (30 s), so the gateway, not the client, ends a slow call. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(35);
    private static final long MAX_WAIT_MILLIS = 5_000;

    private final String gateway;
    private final String bearer;
    private final int perSecond;
    private final int criticalEvery;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService clients = Executors.newCachedThreadPool();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Set<String> critical = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> faults = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> givenUp = new ConcurrentLinkedQueue<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private volatile long giveUpAt = Long.MAX_VALUE;

    PetitionLoad(String gateway, String bearer, int perSecond, int criticalEvery) {
        this.gateway = gateway;
        this.bearer = bearer;
        this.perSecond = perSecond;
        this.criticalEvery = criticalEvery;
    }

    void start() {
        ticker.scheduleAtFixedRate(() -> {
            int n = issued.incrementAndGet();
            clients.execute(() -> register(n));
        }, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
    }

    /** Stops issuing new petitions; those under way keep retrying until {@code within} has passed. */
    void stop(Duration within) {
        ticker.shutdownNow();
        giveUpAt = System.nanoTime() + within.toNanos();
    }

    /** Waits until every client is done (acknowledged, refused for good, or given up); answers how many are not. */
    int awaitClients(Duration within) throws InterruptedException {
        clients.shutdown();
        clients.awaitTermination(within.toMillis(), TimeUnit.MILLISECONDS);
        return issued.get() - finished.get();
    }

    private void register(int n) {
        String key = "fault-" + run + "-" + n;
        boolean isCritical = n % criticalEvery == 0;
        String body = isCritical ? body(n, "VIOLENCE") : body(n, null);
        long backoff = 1000;
        try {
            while (true) {
                if (System.nanoTime() > giveUpAt) {
                    givenUp.add(key);
                    return;
                }
                long wait;
                try {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/petitions"))
                            .timeout(REQUEST_TIMEOUT)
                            .header("Authorization", bearer)
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", key)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    int status = answer.statusCode();
                    var retryAfter = answer.headers().firstValue("Retry-After");
                    count(status == 503 && retryAfter.isEmpty() ? "503 without Retry-After" : String.valueOf(status));
                    if (status == 201) {
                        String id = JSON.readTree(answer.body()).path("id").asString();
                        acknowledged.put(id, key);
                        if (isCritical) {
                            critical.add(id);
                        }
                        return;
                    }
                    if (status >= 500 && !(status == 503 && retryAfter.isPresent())) {
                        faults.add(status + " " + answer.body().substring(0, Math.min(300, answer.body().length())));
                    }
                    if (status == 503 || status == 429) {
                        wait = Math.min(MAX_WAIT_MILLIS, 1000L * retryAfter.map(Long::parseLong).orElse(1L));
                    } else if (status >= 500) {
                        wait = 1000;
                    } else {
                        refused.add(key + " " + status + " " + answer.body());
                        return;
                    }
                } catch (HttpTimeoutException e) {
                    count("no answer in " + REQUEST_TIMEOUT.toSeconds() + " s");
                    wait = backoff;
                    backoff = Math.min(10_000, backoff * 2);
                } catch (IOException e) {
                    count("connection failed");
                    wait = backoff;
                    backoff = Math.min(10_000, backoff * 2);
                }
                Thread.sleep(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            givenUp.add(key);
        } finally {
            finished.incrementAndGet();
        }
    }

    private void count(String answer) {
        answers.computeIfAbsent(answer, a -> new AtomicInteger()).incrementAndGet();
    }

    private static String body(int n, String signal) {
        return """
                {"channel":"VISIT","form":"INDIVIDUAL","headcount":1,"escalated":false,"anonymous":false,
                 "petitioners":[{"name":"测试家长%d","phone":"13800000000","relation":"PARENT"}],
                 "subject":null,"title":"故障演练第%d件","description":"家长反映学校管理问题，请学校说明情况。",
                 "place":"学校正门","riskSignals":[%s]}""".formatted(n, n, signal == null ? "" : "\"" + signal + "\"");
    }

    int issued() {
        return issued.get();
    }

    /** Petition id → the key its client sent, for every petition answered 201. */
    Map<String, String> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    Set<String> critical() {
        return Set.copyOf(critical);
    }

    /** Every answer by status (or by what happened instead of an answer), retries included. */
    Map<String, Integer> answers() {
        Map<String, Integer> counts = new TreeMap<>();
        answers.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    /** The 5xx answers other than 503 with Retry-After. */
    List<String> faults() {
        return List.copyOf(faults);
    }

    /** Petitions refused with a 4xx, which a retry does not mend. */
    List<String> refused() {
        return List.copyOf(refused);
    }

    List<String> givenUp() {
        return List.copyOf(givenUp);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        clients.shutdownNow();
    }
}
