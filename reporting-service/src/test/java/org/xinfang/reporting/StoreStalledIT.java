package org.xinfang.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TcpFront;
import org.xinfang.localstack.testing.TestIssuer;

/**
 * The store accepts connections but stops answering, also on connections already open: a request that reads it (the
 * district's webhooks) is answered 503 problem+json with Retry-After within the socket read timeout, never held, and
 * is answered normally once the store answers again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "xinfang.mongo.read-timeout=2s")
@AutoConfigureWebTestClient(timeout = "20s")
@DirtiesContext
class StoreStalledIT {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    /** Room for a loaded build machine on top of the timeout. */
    private static final Duration SLACK = Duration.ofSeconds(5);
    private static final String DISTRICT = "d-stalled-it";
    private static final TcpFront STORE = TcpFront.before(Infrastructure.shared().mongoUri());

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure infra = Infrastructure.shared();
        STORE.forward();
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrap);
        registry.add("xinfang.mongo.uri", () -> STORE.address(infra.mongoUri()));
        registry.add("xinfang.mongo.database", () -> "reporting_stalled_it");
        registry.add("xinfang.reporting.consumer-group", () -> "reporting-stalled-it");
        registry.add("xinfang.reporting.offset-reset", () -> "latest");
        TestIssuer.shared().resourceServerProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @AfterAll
    static void closeStore() {
        STORE.close();
    }

    @Test
    void aStalledStoreIsA503WithinTheReadTimeoutAndServesAgainAfter() {
        webhooks().expectStatus().isOk();

        STORE.stall();
        long started = System.nanoTime();
        webhooks().expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(READ_TIMEOUT, READ_TIMEOUT.plus(SLACK));

        STORE.forward();
        awaitStatus(200, Duration.ofSeconds(60));
    }

    /** The driver reconnects on its own after the stall; waits for that with a bound, not a fixed sleep. */
    private void awaitStatus(int status, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        int last;
        do {
            last = webhooks().returnResult(byte[].class).getStatus().value();
            if (last == status) {
                return;
            }
            pause();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("still " + last + " after " + within + ", expected " + status);
    }

    private WebTestClient.ResponseSpec webhooks() {
        return web.get().uri("/api/v1/subscriptions/districts/{district}/webhooks", DISTRICT)
                .header(HttpHeaders.AUTHORIZATION, Tokens.administrator(DISTRICT)).exchange();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the store");
        }
    }
}
