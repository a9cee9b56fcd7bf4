package org.xinfang.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.intake.IntakeServiceTest;
import org.xinfang.intake.IntakeTestSupport;
import org.xinfang.localstack.testing.TcpFront;
import org.xinfang.localstack.testing.Infrastructure;

/**
 * The store accepts connections but stops answering, also on connections already open (unlike the store-down case of
 * {@code DurabilityIT}, where it refuses them): a request is answered 503 problem+json with Retry-After within the
 * socket read timeout, never held, and is answered normally once the store answers again.
 */
@IntakeServiceTest
@DirtiesContext
@TestPropertySource(properties = "xinfang.mongo.read-timeout=2s")
class StoreStalledIT {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    /** StoreConfig's server selection timeout: a stalled handshake on a fresh connection waits for it too. */
    private static final Duration SERVER_SELECTION = Duration.ofSeconds(2);
    /** Room for a loaded build machine on top of the timeouts. */
    private static final Duration SLACK = Duration.ofSeconds(5);
    private static final TcpFront STORE = TcpFront.before(Infrastructure.shared().mongoUri());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntakeTestSupport.infrastructure(registry, StoreStalledIT.class);
        STORE.forward();
        registry.add("xinfang.mongo.uri", () -> STORE.address(Infrastructure.shared().mongoUri()));
    }

    @AfterAll
    static void closeStore() {
        STORE.close();
    }

    @Autowired
    WebTestClient http;

    @Test
    void aStalledStoreIsA503WithinTheReadTimeoutAndServesAgainAfter() {
        list().expectStatus().isOk();

        STORE.stall();
        long started = System.nanoTime();
        list().expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isBetween(READ_TIMEOUT, READ_TIMEOUT.plus(SERVER_SELECTION).plus(SLACK));

        STORE.forward();
        IntakeTestSupport.await("the store answers again", Duration.ofSeconds(30),
                () -> list().returnResult(byte[].class).getStatus().value() == 200);
    }

    private WebTestClient.ResponseSpec list() {
        return http.get().uri("/api/v1/petitions").header("Authorization", IntakeTestSupport.bearer(Role.CLERK))
                .exchange();
    }
}
