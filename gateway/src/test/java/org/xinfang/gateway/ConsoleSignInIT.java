package org.xinfang.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.UriComponentsBuilder;
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.TestIssuer;

/**
 * The console's door beside the API's: a browser without a session is sent to sign in with PKCE and gets only an
 * HttpOnly session cookie; an API call on a session that is gone gets 401 (the console signs the person in again), a
 * write without the CSRF token 403, and neither reaches a service. A bearer client is untouched by any of it, cookie
 * or not, and no cookie of the console ever reaches a service. (The whole sign-in against the real issuer, in a
 * browser: system-tests' ConsoleBrowserIT.)
 */
@TestPropertySource(properties = {"xinfang.gateway.rate-limit.burst=1000",
        "spring.security.oauth2.client.provider.xinfang.authorization-uri=http://issuer.test/oauth2/authorize"})
class ConsoleSignInIT extends GatewayBeforeFakeService {

    static final TestIssuer ISSUER = TestIssuer.shared();
    static final String SESSION = "XINFANG_SESSION";

    @Test
    void aPageWithoutASessionSendsTheBrowserToSignInWithPkce() {
        client.get().uri("/console/desk").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/oauth2/authorization/console");

        var answer = client.get().uri("/oauth2/authorization/console").exchange()
                .expectStatus().isFound().returnResult(Void.class);
        URI authorize = answer.getResponseHeaders().getLocation();
        assertThat(authorize).hasHost("issuer.test").hasPath("/oauth2/authorize");
        Map<String, String> query = UriComponentsBuilder.fromUri(authorize).build().getQueryParams().toSingleValueMap();
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", "xinfang-console")
                .containsEntry("code_challenge_method", "S256").containsKeys("code_challenge", "state", "nonce")
                .containsEntry("scope", "openid");
        assertThat(query.get("redirect_uri")).endsWith("/login/oauth2/code/console");

        ResponseCookie session = answer.getResponseCookies().getFirst(SESSION);
        assertThat(session).as("the session cookie").isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(answer.getResponseCookies().values()).flatMap(list -> list)
                .noneMatch(cookie -> cookie.getValue().startsWith("eyJ"));
    }

    @Test
    void anApiCallOnASessionThatIsGoneGets401AndReachesNoService() {
        int before = SERVICE.requests();
        client.get().uri("/api/v1/petitions").cookie(SESSION, "no-such-session").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.LOCATION);
        client.get().uri("/bff/me").exchange().expectStatus().isUnauthorized();
        assertThat(SERVICE.requests()).isEqualTo(before);
    }

    @Test
    void aWriteOfTheConsoleWithoutItsCsrfTokenIsRefused() {
        int before = SERVICE.requests();
        client.post().uri("/api/v1/petitions").cookie(SESSION, "no-such-session")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isForbidden();
        assertThat(SERVICE.requests()).isEqualTo(before);
    }

    @Test
    void aBearerClientIsUntouchedAndNoCookieReachesAService() {
        String bearer = ISSUER.school("d-east", "s-east-01", Role.CLERK).bearer();
        Map<String, Object> echo = client.post().uri("/api/v1/petitions")
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .cookie(SESSION, "no-such-session").cookie("XSRF-TOKEN", "t")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        assertThat(echo).extracting("headers").asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.map(String.class, String.class))
                .containsEntry("Authorization", bearer).doesNotContainKeys("Cookie", "X-XSRF-TOKEN");

        client.get().uri("/api/v1/petitions").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer");
    }

    @Test
    void theConsoleFilesAreServedWithTheirOwnPolicy() {
        client.get().uri("/console/favicon.svg").exchange().expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-eval"))
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, cache -> assertThat(cache).contains("immutable"));
        client.get().uri("/console/assets/none-such.js").exchange().expectStatus().isNotFound();
        client.get().uri("/console/assets/../../application.yml").exchange().expectStatus().value(status ->
                assertThat(status).isIn(400, 404));
    }
}
