package org.xinfang.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.TcpFront;
import org.xinfang.localstack.testing.TestIssuer;

/**
 * The issuer accepts connections and never answers: a token the gateway cannot check is a 503 within the key-set
 * fetch's response timeout (3 s), never a request held at the door; once the issuer answers, the token passes. A
 * person signing in to the console while the issuer is silent gets, within the same bound, a page in Chinese that
 * offers to sign in again, not a page that never loads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
class IssuerSilentIT {

    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(3);
    /** Room for a loaded build machine on top of the timeout. */
    private static final Duration SLACK = Duration.ofSeconds(5);
    static final FakeService SERVICE = new FakeService("intake");
    static final TcpFront ISSUER = TcpFront.before(TestIssuer.shared().issuer());

    @DynamicPropertySource
    static void issuerBehindAFront(DynamicPropertyRegistry registry) {
        registry.add("INTAKE_URL", SERVICE::url);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestIssuer.shared().issuer());
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> ISSUER.address(TestIssuer.shared().jwkSetUri()));
        registry.add("spring.security.oauth2.client.provider.xinfang.token-uri",
                () -> ISSUER.address(TestIssuer.shared().issuer() + "/oauth2/token"));
    }

    @AfterAll
    static void stop() {
        ISSUER.close();
        SERVICE.close();
    }

    @Autowired
    WebTestClient client;

    @Test
    void aSilentIssuerIsA503WithinTheTimeoutAndATokenPassesOnceItAnswers() {
        ISSUER.stall();
        long started = System.nanoTime();
        client.get().uri("/api/v1/petitions/p-1")
                .header("Authorization", TestIssuer.shared().school("d-east", "s-east-01", Role.CLERK).bearer())
                .exchange().expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(503);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(RESPONSE_TIMEOUT, RESPONSE_TIMEOUT.plus(SLACK));
        assertThat(SERVICE.requests()).isZero();

        ISSUER.forward();
        client.get().uri("/api/v1/petitions/p-1")
                .header("Authorization", TestIssuer.shared().school("d-east", "s-east-01", Role.CLERK).bearer())
                .exchange().expectStatus().isOk();
        assertThat(SERVICE.requests()).isEqualTo(1);
    }

    @Test
    void aSignInTheIssuerDoesNotFinishIsAChinesePageWithinTheTimeout() {
        var start = client.get().uri("/oauth2/authorization/console").exchange()
                .expectStatus().isFound().returnResult(Void.class);
        String encodedState = org.springframework.web.util.UriComponentsBuilder.fromUri(start.getResponseHeaders().getLocation())
                .build().getQueryParams().getFirst("state");
        String state = java.net.URLDecoder.decode(encodedState, java.nio.charset.StandardCharsets.UTF_8);
        String session = start.getResponseCookies().getFirst("XINFANG_SESSION").getValue();

        ISSUER.stall();
        long started = System.nanoTime();
        String page = client.get().uri(b -> b.path("/login/oauth2/code/console").queryParam("code", "c-1")
                        .queryParam("state", state).build())
                .cookie("XINFANG_SESSION", session).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(RESPONSE_TIMEOUT, RESPONSE_TIMEOUT.plus(SLACK));
        assertThat(page).contains("登录未完成", "href=\"/oauth2/authorization/console\"");
        ISSUER.forward();
    }
}
