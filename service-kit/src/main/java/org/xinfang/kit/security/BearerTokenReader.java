package org.xinfang.kit.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the bearer token from the Authorization header as RFC 6750 writes it ({@code Bearer <b64token>}, the scheme in
 * any case): no header or another scheme means no token; a bearer header that is not of that shape is refused as
 * malformed. The same rules as Spring Security's own reader, without a regular expression over a token of ~800
 * characters on every request. Tokens in the query string are not accepted.
 */
public final class BearerTokenReader implements ServerAuthenticationConverter {

    private static final String SCHEME = "Bearer ";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "bearer", 0, 6)) {
            return Mono.empty();
        }
        String token = tokenOf(authorization);
        if (token == null) {
            return Mono.error(new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed")));
        }
        return Mono.just(new BearerTokenAuthenticationToken(token));
    }

    /** The b64token after the scheme, or null if the header is not {@code Bearer <b64token>}. */
    static String tokenOf(String authorization) {
        int start = SCHEME.length();
        if (authorization.length() <= start || !authorization.regionMatches(true, 0, SCHEME, 0, start)) {
            return null;
        }
        int end = authorization.length();
        int padding = end;
        while (padding > start && authorization.charAt(padding - 1) == '=') {
            padding--;
        }
        if (padding == start) {
            return null;
        }
        for (int i = start; i < padding; i++) {
            if (!isTokenCharacter(authorization.charAt(i))) {
                return null;
            }
        }
        return authorization.substring(start);
    }

    private static boolean isTokenCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
