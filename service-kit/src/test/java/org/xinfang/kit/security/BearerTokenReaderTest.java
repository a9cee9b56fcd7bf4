package org.xinfang.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

/** The gateway's bearer reader answers exactly as Spring Security's own does, on every shape of header. */
class BearerTokenReaderTest {

    final ServerAuthenticationConverter reader = new BearerTokenReader();
    final ServerAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();

    @Test
    void aWellFormedBearerHeaderGivesItsToken() {
        String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJlYXN0LTAxLWNsZXJrIn0.c2lnbmF0dXJl-_~+/==";

        assertThat(outcome(reader, "Bearer " + token)).isEqualTo("token " + token);
        assertThat(outcome(reader, "bEARER " + token)).isEqualTo("token " + token);
    }

    @Test
    void anotherSchemeOrNoHeaderIsNoToken() {
        assertThat(outcome(reader, null)).isEqualTo("none");
        assertThat(outcome(reader, "Basic dXNlcjpwYXNzd29yZA==")).isEqualTo("none");
    }

    @Test
    void aBearerHeaderOfTheWrongShapeIsMalformed() {
        for (String header : List.of("Bearer ", "Bearer", "Bearerabc", "Bearer  abc", "Bearer abc def", "Bearer ==",
                "Bearer a=b", "Bearer abc\n", "Bearer é")) {
            assertThat(outcome(reader, header)).as(header).isEqualTo("malformed");
        }
    }

    @Test
    void everyHeaderIsAnsweredAsSpringSecurityAnswersIt() {
        List<String> headers = new ArrayList<>(List.of("Bearer abc", "bearer abc", "BEARER abc==", "Bearer abc=",
                "Bearer abc=d", "Bearer", "Bearer ", "Bearer\tabc", "Bearer  abc", "Bearerabc", "Basic abc",
                "Bearer a.b.c", "Bearer a b", "Bearer ~+/-._", "Bearer ===", "Bearer abc\n", "bearerX", ""));
        Random random = new Random(42);
        String alphabet = "aZ09-._~+/= \t\n%é=";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "bearer");
            for (int n = random.nextInt(12); n > 0; n--) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }

        for (String header : headers) {
            assertThat(outcome(reader, header)).as("[%s]", header).isEqualTo(outcome(spring, header));
        }
    }

    private static String outcome(ServerAuthenticationConverter converter, String authorization) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/v1/petitions/p-1");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            Authentication read = converter.convert(MockServerWebExchange.from(request)).block();
            return read == null ? "none" : "token " + ((BearerTokenAuthenticationToken) read).getToken();
        } catch (OAuth2AuthenticationException e) {
            return "malformed";
        }
    }
}
