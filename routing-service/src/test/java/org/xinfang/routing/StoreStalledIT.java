package org.xinfang.routing;

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

/**
 * The store accepts connections but stops answering, also on connections already open (unlike {@link StoreOutageIT},
 * where it refuses them): a request is answered 503 problem+json with Retry-After within the socket read timeout and
 * the driver's server selection, never held for ever, and is answered normally once the store answers again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "xinfang.mongo.read-timeout=2s")
@AutoConfigureWebTestClient(timeout = "20s")
@DirtiesContext
class StoreStalledIT {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    /** StoreConfig's server selection timeout: a stalled handshake on a fresh connection waits for it too. */
    private static final Duration SERVER_SELECTION = Duration.ofSeconds(3);
    /** Room for a loaded build machine on top of the timeouts. */
    private static final Duration SLACK = Duration.ofSeconds(5);
    private static final TcpFront STORE = TcpFront.before(Infrastructure.shared().mongoUri());

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RoutingIntegrationSupport.register(registry, StoreStalledIT.class);
        STORE.forward();
        registry.add("xinfang.mongo.uri", () -> STORE.address(Infrastructure.shared().mongoUri()));
    }

    @AfterAll
    static void closeStore() {
        STORE.close();
    }

    @Test
    void aStalledStoreIsA503WithinTheReadTimeoutAndServesAgainAfter() {
        decision().expectStatus().isNotFound();

        STORE.stall();
        long started = System.nanoTime();
        decision().expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5");
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(waited).isBetween(READ_TIMEOUT, READ_TIMEOUT.plus(SERVER_SELECTION).plus(SLACK));

        STORE.forward();
        awaitStatus(404, Duration.ofSeconds(30));
    }

    /** The driver reconnects on its own after the stall; waits for that with a bound, not a fixed sleep. */
    private void awaitStatus(int status, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        int last;
        do {
            last = decision().returnResult(byte[].class).getStatus().value();
            if (last == status) {
                return;
            }
            pause();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("still " + last + " after " + within + ", expected " + status);
    }

    private WebTestClient.ResponseSpec decision() {
        return web.get().uri("/api/v1/routing/decisions/{id}", "p-never-routed")
                .header(HttpHeaders.AUTHORIZATION, RoutingIntegrationSupport.school(Petitions.DISTRICT, Petitions.SCHOOL, Role.CLERK))
                .exchange();
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
