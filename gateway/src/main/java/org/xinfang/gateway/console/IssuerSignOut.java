package org.xinfang.gateway.console;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * After the gateway's session is gone, the person is signed out at the issuer too (OpenID Connect RP-initiated
 * logout), so the next person at the same desk signs in as themselves, not silently as the one before. The issuer
 * sends the browser back to the console.
 */
final class IssuerSignOut implements ServerLogoutSuccessHandler {

    private final String endSessionUri;

    IssuerSignOut(String endSessionUri) {
        this.endSessionUri = endSessionUri;
    }

    @Override
    public Mono<Void> onLogoutSuccess(WebFilterExchange exchange, Authentication authentication) {
        var request = exchange.getExchange().getRequest();
        String home = UriComponentsBuilder.fromUri(request.getURI()).replacePath(ConsoleSignIn.HOME).replaceQuery(null)
                .build().toUriString();
        URI target;
        if (authentication instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser user
                && endSessionUri != null && !endSessionUri.isBlank()) {
            target = UriComponentsBuilder.fromUriString(endSessionUri)
                    .queryParam("id_token_hint", user.getIdToken().getTokenValue())
                    .queryParam("post_logout_redirect_uri", home)
                    .encode().build().toUri();
        } else {
            target = URI.create(home);
        }
        var response = exchange.getExchange().getResponse();
        // The console signs out with a script call (its CSRF token in a header) and then goes where it is told: a
        // redirect to another origin cannot be followed by a script call. A plain browser request is redirected.
        if (request.getHeaders().getAccept().contains(MediaType.APPLICATION_JSON)) {
            response.setStatusCode(HttpStatus.OK);
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
            byte[] body = ("{\"location\":\"" + target.toASCIIString().replace("\"", "%22") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        }
        response.setStatusCode(HttpStatus.FOUND);
        response.getHeaders().setLocation(target);
        return response.setComplete();
    }
}
