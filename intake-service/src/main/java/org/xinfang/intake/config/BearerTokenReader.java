package org.xinfang.intake.config;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Takes the bearer token from {@code Authorization} exactly as Spring Security's converter does, without running its
 * case-insensitive pattern over the whole token (tens of microseconds for a signed token on every request). A header
 * the plain check below accepts is one that pattern accepts, with the same token; anything else (no header, another
 * scheme, a malformed token) goes to Spring Security's converter, which answers it as it always has.
 */
final class BearerTokenReader implements ServerAuthenticationConverter {

    private static final String SCHEME = "Bearer ";

    private final ServerAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String token = wellFormedToken(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        return token != null ? Mono.just(new BearerTokenAuthenticationToken(token)) : spring.convert(exchange);
    }

    /**
     * The token of {@code Bearer <token>} when it matches {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$}
     * (case-insensitive), else null.
     */
    static String wellFormedToken(String header) {
        if (header == null || header.length() <= SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        int i = SCHEME.length();
        int end = header.length();
        while (i < end && tokenCharacter(header.charAt(i))) {
            i++;
        }
        if (i == SCHEME.length()) {
            return null;
        }
        while (i < end && header.charAt(i) == '=') {
            i++;
        }
        return i == end ? header.substring(SCHEME.length()) : null;
    }

    private static boolean tokenCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
