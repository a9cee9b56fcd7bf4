package org.xinfang.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.TestIssuer;

/**
 * Every service down (nothing listens on its port): the gateway answers 503 problem+json at once, never hangs,
 * retries a GET (never a POST) whose connection failed, and a service's circuit breaker stops the calls once most fail.
 * Connection attempts are counted where the gateway's HTTP client opens its channels.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "xinfang.gateway.rate-limit.burst=1000")
@AutoConfigureWebTestClient(timeout = "20s")
@ExtendWith(OutputCaptureExtension.class)
class UpstreamDownIT {

    static final int INTAKE_PORT = closedPort();
    static final int ROUTING_PORT = closedPort();
    static final int NOTIFICATION_PORT = closedPort();
    static final int REPORTING_PORT = closedPort();
    static final Map<Integer, AtomicInteger> CONNECT_ATTEMPTS = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("INTAKE_URL", () -> "http://127.0.0.1:" + INTAKE_PORT);
        registry.add("ROUTING_URL", () -> "http://127.0.0.1:" + ROUTING_PORT);
        registry.add("NOTIFICATION_URL", () -> "http://127.0.0.1:" + NOTIFICATION_PORT);
        registry.add("REPORTING_URL", () -> "http://127.0.0.1:" + REPORTING_PORT);
        TestIssuer.shared().resourceServerProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ConnectionCounting {

        @Bean
        HttpClientCustomizer countConnectionAttempts() {
            return client -> client.doOnChannelInit((observer, channel, remote) -> {
                if (remote instanceof InetSocketAddress address) {
                    CONNECT_ATTEMPTS.computeIfAbsent(address.getPort(), p -> new AtomicInteger()).incrementAndGet();
                }
            });
        }
    }

    /** A port that was free a moment ago and that nothing listens on now: connecting is refused. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    WebTestClient client;

    @BeforeEach
    void authenticate() {
        client = client.mutate().defaultHeader("Authorization",
                TestIssuer.shared().school("d-east", "s-east-01", Role.LEADER).bearer()).build();
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /api/v1/petitions/p-1, intake",
        "POST, /api/v1/petitions, intake",
        "GET, /api/v1/routing/decisions/p-1, routing",
        "GET, /api/v1/alerts?petitionId=p-1, notification",
        "POST, /api/v1/subscriptions, reporting",
    })
    void aServiceThatIsDownIsA503ProblemAtOnce(String method, String path, String service) {
        long started = System.nanoTime();

        client.method(HttpMethod.valueOf(method)).uri(path).contentType(MediaType.APPLICATION_JSON)
                .header("X-Request-Id", "down-1").bodyValue(Map.of("title", "x"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Request-Id", "down-1")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody().jsonPath("$.status").isEqualTo(503).jsonPath("$.service").isEqualTo(service)
                .jsonPath("$.instance").isEqualTo(path.replaceAll("\\?.*", ""));

        // Refused connections fail at once; the bound only has to tell that from a hang (timeouts are 2 s and 30 s,
        // and a GET makes three attempts), with room for a loaded build machine.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aGetWhoseConnectionFailedIsTriedThreeTimesAPostOnce() {
        int before = attempts(ROUTING_PORT);
        client.get().uri("/api/v1/routing/decisions/p-2").exchange().expectStatus().isEqualTo(503);
        assertThat(attempts(ROUTING_PORT) - before).isEqualTo(3);

        before = attempts(ROUTING_PORT);
        client.post().uri("/api/v1/routing/rules").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isEqualTo(503);
        assertThat(attempts(ROUTING_PORT) - before).isEqualTo(1);
    }

    @Test
    void aServiceThatKeepsFailingIsNoLongerCalledUntilItsBreakerHalfOpens() {
        // minimum-calls is 10 and the failure rate 100 %: after ten failed requests the breaker is open.
        for (int i = 0; i < 10; i++) {
            client.get().uri("/api/v1/reports/districts/d-east").exchange().expectStatus().isEqualTo(503);
        }
        int before = attempts(REPORTING_PORT);

        client.get().uri("/api/v1/reports/districts/d-east").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.service").isEqualTo("reporting")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("not being called"));

        assertThat(attempts(REPORTING_PORT)).isEqualTo(before);
        // Other services keep their own breakers: notification is still called.
        int notificationBefore = attempts(NOTIFICATION_PORT);
        client.get().uri("/api/v1/incidents").exchange().expectStatus().isEqualTo(503);
        assertThat(attempts(NOTIFICATION_PORT)).isGreaterThan(notificationBefore);
    }

    @Test
    void theLineLoggedAboutAFailedCallCarriesTheRequestId(CapturedOutput output) {
        client.get().uri("/api/v1/visits/v-9").header("X-Request-Id", "down-log-1").exchange()
                .expectStatus().isEqualTo(503);

        assertThat(output.getOut().lines().filter(line -> line.contains("service intake failed")))
                .anySatisfy(line -> assertThat(line).contains("[down-log-1]"));
    }

    @Test
    void theFallbackIsNotAPublicPath() {
        client.get().uri("/fallback/intake").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static int attempts(int port) {
        return CONNECT_ATTEMPTS.computeIfAbsent(port, p -> new AtomicInteger()).get();
    }
}
