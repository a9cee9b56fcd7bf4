package org.xinfang.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.TestIssuer;

/**
 * The issuer's key set cannot be fetched (nothing listens where it should be): the gateway still starts and is
 * ready, since it never calls the issuer at start-up, and a token it cannot check is answered at once with 503 (the
 * token may be good; the caller retries later), never passed on or left hanging; a request without a token is still 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
class IssuerDownIT {

    static final FakeService SERVICE = new FakeService("intake");
    static final int CLOSED = UpstreamDownIT.closedPort();

    @DynamicPropertySource
    static void issuerNowhere(DynamicPropertyRegistry registry) {
        registry.add("INTAKE_URL", SERVICE::url);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestIssuer.shared().issuer());
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + CLOSED + "/oauth2/jwks");
    }

    @AfterAll
    static void stopService() {
        SERVICE.close();
    }

    @Autowired
    WebTestClient client;

    @LocalManagementPort
    int managementPort;

    @Test
    void theGatewayIsReadyAndATokenItCannotCheckIsA503() {
        Management.client(managementPort).get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        long started = System.nanoTime();

        client.get().uri("/api/v1/petitions/p-1")
                .header("Authorization", TestIssuer.shared().school("d-east", "s-east-01", Role.CLERK).bearer())
                .exchange().expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody().jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("issuer"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        client.get().uri("/api/v1/petitions/p-1").exchange().expectStatus().isUnauthorized();
        assertThat(SERVICE.requests()).isZero();
    }
}
