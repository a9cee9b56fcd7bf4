package org.xinfang.localstack.testing.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xinfang.localstack.testing.TcpFront;
import org.xinfang.localstack.testing.TestIssuer;

/**
 * What every service must do while its token issuer is away, run against the service itself: it starts and is ready
 * without the issuer (no discovery at start-up); a token it cannot check for want of the issuer's key set is answered
 * 503 problem+json with Retry-After, never 401 (the token may be good) nor held: at once when the issuer refuses
 * connections, within the key-set response timeout when it accepts and never answers; a request without a token is
 * still 401; once the issuer answers again the same kind of token is accepted.
 *
 * <p>A service's test extends this and starts the service on a random port (its own Spring test annotation), trusting
 * the test issuer; the scenario sets {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} to
 * {@link #jwkSetUriThroughFront()} and closes the context after the class, and the test names one read that needs a
 * token, answered 200 while everything is up ({@link #probe()}).
 */
public abstract class IssuerUnreachableScenario extends ServiceScenario {

    /** The services' default bound on a key-set fetch (xinfang.token-issuer.response-timeout). */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(3);
    /** Room for a loaded build machine on top of the timeout. */
    private static final Duration SLACK = Duration.ofSeconds(5);
    private static final TcpFront ISSUER = TcpFront.before(TestIssuer.shared().issuer());

    @DynamicPropertySource
    static void issuerThroughFront(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                IssuerUnreachableScenario::jwkSetUriThroughFront);
    }

    /** The issuer's key set as the service under test must fetch it: through the front this scenario controls. */
    public static String jwkSetUriThroughFront() {
        ISSUER.forward();
        return ISSUER.address(TestIssuer.shared().jwkSetUri());
    }

    @AfterAll
    static void closeIssuer() {
        ISSUER.close();
    }

    /** Up while the issuer is away: readiness, unless a service's readiness waits for something the test omits. */
    protected String healthPath() {
        return "/actuator/health/readiness";
    }

    @Test
    void aTokenThatCannotBeCheckedIs503UntilTheIssuerAnswers() {
        ServiceProbe call = probe();
        assertThat(call.open(healthPath()).withoutToken().statusCode()).isEqualTo(200);

        ISSUER.refuse();
        assertThat(Answers.timed(() -> Answers.unavailable(call.send()))).isLessThan(SLACK);
        assertThat(call.withoutToken().statusCode()).isEqualTo(401);

        ISSUER.stall();
        assertThat(Answers.timed(() -> Answers.unavailable(call.send())))
                .isBetween(RESPONSE_TIMEOUT, RESPONSE_TIMEOUT.plus(SLACK));

        ISSUER.forward();
        assertThat(call.send().statusCode()).isEqualTo(200);
        assertThat(call.withoutToken().statusCode()).isEqualTo(401);
    }
}
