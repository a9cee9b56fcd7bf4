package org.xinfang.notification.web;

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
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TcpFront;
import org.xinfang.notification.Fixtures;

/**
 * The store accepts connections but stops answering, also on connections already open, and then refuses them: a
 * request that reads it (a school's alerts) is answered 503 problem+json with Retry-After within the socket read
 * timeout or the server-selection bound, never held and never a 500, and normally once the store answers again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "xinfang.mongo.read-timeout=2s")
@AutoConfigureWebTestClient(timeout = "30s")
@DirtiesContext
class StoreStalledIT {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    /** Room for a loaded build machine on top of the timeout. */
    private static final Duration SLACK = Duration.ofSeconds(8);
    private static final TcpFront STORE = TcpFront.before(Infrastructure.shared().mongoUri());

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        STORE.forward();
        Fixtures.infrastructure(registry, "store-stalled-it");
        registry.add("xinfang.mongo.uri", () -> STORE.address(Infrastructure.shared().mongoUri()));
    }

    @AfterAll
    static void closeStore() {
        STORE.close();
    }

    @Test
    void aStoreThatStallsOrGoesIsA503AndServesAgainAfter() {
        alerts().expectStatus().isOk();

        STORE.stall();
        long started = System.nanoTime();
        expectUnavailable(alerts());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(READ_TIMEOUT, READ_TIMEOUT.plus(SLACK));

        STORE.refuse();
        expectUnavailable(alerts());

        STORE.forward();
        awaitStatus(200, Duration.ofSeconds(60));
    }

    private static void expectUnavailable(WebTestClient.ResponseSpec answer) {
        answer.expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(503);
    }

    /** The driver reconnects on its own after the outage; waits for that with a bound, not a fixed sleep. */
    private void awaitStatus(int status, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        int last;
        do {
            last = alerts().returnResult(byte[].class).getStatus().value();
            if (last == status) {
                return;
            }
            pause();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("still " + last + " after " + within + ", expected " + status);
    }

    private WebTestClient.ResponseSpec alerts() {
        return web.get().uri("/api/v1/alerts?petitionId={id}", "p-none")
                .header(HttpHeaders.AUTHORIZATION, Fixtures.bearer(Fixtures.SCHOOL, Role.LEADER)).exchange();
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
