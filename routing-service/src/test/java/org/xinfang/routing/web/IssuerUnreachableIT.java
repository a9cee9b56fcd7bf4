package org.xinfang.routing.web;

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
import org.xinfang.localstack.testing.TcpFront;
import org.xinfang.localstack.testing.TestIssuer;
import org.xinfang.routing.RoutingIntegrationSupport;

/**
 * The service starts and is ready while its token issuer is away (no discovery at start-up). A token it cannot check
 * for want of the issuer's key set answers 503 problem+json with Retry-After, never 401 (the token may be good) nor a
 * hang: at once when the issuer refuses connections, within the response timeout when it accepts and never answers.
 * Once the issuer answers again the same kind of token is accepted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
@DirtiesContext
class IssuerUnreachableIT {

    /** The service's default bound on a key-set fetch (xinfang.token-issuer.response-timeout). */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(3);
    /** Room for a loaded build machine on top of the timeout. */
    private static final Duration SLACK = Duration.ofSeconds(5);
    private static final TcpFront ISSUER = TcpFront.before(TestIssuer.shared().issuer());

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RoutingIntegrationSupport.register(registry, IssuerUnreachableIT.class);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> ISSUER.address(TestIssuer.shared().jwkSetUri()));
    }

    @AfterAll
    static void closeIssuer() {
        ISSUER.close();
    }

    @Test
    void aTokenThatCannotBeCheckedIs503UntilTheIssuerAnswers() {
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();

        ISSUER.refuse();
        assertThat(timeOf503()).isLessThan(SLACK);

        ISSUER.stall();
        assertThat(timeOf503()).isBetween(RESPONSE_TIMEOUT, RESPONSE_TIMEOUT.plus(SLACK));

        ISSUER.forward();
        web.get().uri("/api/v1/routing/rule-sets/default")
                .header(HttpHeaders.AUTHORIZATION, leader())
                .exchange().expectStatus().isOk();
        web.get().uri("/api/v1/routing/rule-sets/default").exchange().expectStatus().isUnauthorized();
    }

    private Duration timeOf503() {
        long started = System.nanoTime();
        web.get().uri("/api/v1/routing/rule-sets/default")
                .header(HttpHeaders.AUTHORIZATION, leader())
                .exchange().expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(503);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static String leader() {
        return RoutingIntegrationSupport.school("d-east", "s-east-01", Role.LEADER);
    }
}
