package org.xinfang.localstack.testing.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TcpFront;

/**
 * What every service must do when its store stops answering, run against the service itself: while the store accepts
 * connections and never answers, also on connections already open, a request is answered 503 problem+json with
 * Retry-After within the socket read timeout (plus the driver's server selection for a fresh connection), never held;
 * while it refuses connections, 503 the same; once it answers again, the service serves again by itself.
 *
 * <p>A service's test extends this and starts the service on a random port (its own Spring test annotation); the
 * scenario sets {@code xinfang.mongo.uri} to {@link #storeUriThroughFront()} and {@code xinfang.mongo.read-timeout}
 * as {@value #READ_TIMEOUT_PROPERTY} says, closes the context after the class, and the test names one read of the
 * store ({@link #probe()}), answered {@link #healthyStatus()} while the store is up.
 */
@TestPropertySource(properties = StoreStalledScenario.READ_TIMEOUT_PROPERTY)
public abstract class StoreStalledScenario extends ServiceScenario {

    /** The read timeout the service under test is started with. */
    public static final String READ_TIMEOUT_PROPERTY = "xinfang.mongo.read-timeout=2s";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    /** The kit's server selection timeout: a stalled handshake on a fresh connection waits for it too. */
    private static final Duration SERVER_SELECTION = Duration.ofSeconds(3);
    /** Room for a loaded build machine on top of the timeouts. */
    private static final Duration SLACK = Duration.ofSeconds(8);
    private static final TcpFront STORE = TcpFront.before(Infrastructure.shared().mongoUri());

    @DynamicPropertySource
    static void storeThroughFront(DynamicPropertyRegistry registry) {
        registry.add("xinfang.mongo.uri", StoreStalledScenario::storeUriThroughFront);
    }

    /** The store as the service under test must reach it: through the front this scenario controls. */
    public static String storeUriThroughFront() {
        STORE.forward();
        return STORE.address(Infrastructure.shared().mongoUri());
    }

    @AfterAll
    static void closeStore() {
        STORE.close();
    }

    /** 200 for a list, 404 for a record that does not exist. */
    protected int healthyStatus() {
        return 200;
    }

    @Test
    void aStoreThatStallsOrGoesIsA503AndServesAgainAfter() {
        ServiceProbe call = probe();
        assertThat(call.send().statusCode()).isEqualTo(healthyStatus());

        STORE.stall();
        assertThat(Answers.timed(() -> Answers.unavailable(call.send())))
                .isBetween(READ_TIMEOUT, READ_TIMEOUT.plus(SERVER_SELECTION).plus(SLACK));

        STORE.refuse();
        Answers.unavailable(call.send());

        STORE.forward();
        Answers.awaitStatus(call::send, healthyStatus(), Duration.ofSeconds(60));
    }
}
