package org.xinfang.intake.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.access.TokenClaims;
import org.xinfang.intake.IntakeServiceTest;
import org.xinfang.intake.IntakeTestSupport;
import org.xinfang.localstack.testing.TestIssuer;

/**
 * The service starts and is ready while its token issuer is away (no discovery at start-up), and a token it cannot
 * check for want of the issuer's key set answers 503 with Retry-After, not 401: the token may be good.
 */
@IntakeServiceTest
class IssuerUnreachableIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntakeTestSupport.storeAndBroker(registry, IssuerUnreachableIT.class);
        String nowhere = "http://127.0.0.1:" + closedPort();
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIssuer.shared()::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> nowhere + "/oauth2/jwks");
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> TokenClaims.AUDIENCE);
    }

    @Autowired
    WebTestClient http;

    @Test
    void startsReadyAndAnswers503ForATokenItCannotCheck() {
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http.get().uri("/api/v1/petitions").header("Authorization", IntakeTestSupport.bearer(Role.CLERK))
                .exchange().expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(503);
        http.get().uri("/api/v1/petitions").exchange().expectStatus().isUnauthorized();
    }

    /** A port nothing listens on: bound once by the system, then released. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
