package org.xinfang.gateway.web;

import org.xinfang.kit.web.ProblemWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.xinfang.gateway.config.RateLimitSettings;
import org.xinfang.gateway.domain.Admission;
import org.xinfang.gateway.domain.ClientRateLimiter;
import reactor.core.publisher.Mono;

/**
 * A token bucket per client in front of the API: a client over its rate gets 429 with {@code Retry-After}, before
 * any service is called. It runs inside the security chain right after authentication (see {@link TokenGate}), so
 * the client is the one the verified token names ({@code azp}, else {@code client_id}, else {@code sub}); only a
 * request without a token is counted against its remote address, and is then refused with 401 anyway. A header the
 * caller sets is never the key: that would be the caller's word.
 */
final class RateLimitFilter implements WebFilter {

    private final RateLimitSettings settings;
    private final ClientRateLimiter limiter;
    /** The public door's callers have no token: each address has a bucket of its own, smaller than a client's. */
    private final ClientRateLimiter publicLimiter;
    private final ProblemWriter problems;

    RateLimitFilter(RateLimitSettings settings, ProblemWriter problems) {
        this.settings = settings;
        this.limiter = new ClientRateLimiter(settings.perSecond(), settings.burst(), settings.maxClients());
        this.publicLimiter = new ClientRateLimiter(settings.publicPerSecond(), settings.publicBurst(),
                settings.maxClients());
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (settings.enabled() && path.startsWith("/public/")) {
            return admit(publicLimiter, addressOf(exchange.getRequest()), exchange, chain);
        }
        if (!settings.enabled() || !path.startsWith("/api/")) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(authentication -> clientOf(((JwtAuthenticationToken) authentication).getToken()))
                .defaultIfEmpty(addressOf(exchange.getRequest()))
                .flatMap(client -> admit(limiter, client, exchange, chain));
    }

    private Mono<Void> admit(ClientRateLimiter buckets, String client, ServerWebExchange exchange,
                             WebFilterChain chain) {
        Admission admission = buckets.admit(client, System.nanoTime());
        if (admission.admitted()) {
            return chain.filter(exchange);
        }
        long seconds = Math.max(1, ceilSeconds(admission.retryAfter()));
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from this client; try again in " + seconds + " s.");
    }

    /** The OAuth2 client the token was issued to, else its subject. */
    static String clientOf(Jwt token) {
        for (String claim : new String[] {"azp", "client_id"}) {
            Object value = token.getClaims().get(claim);
            if (value instanceof String client && !client.isBlank()) {
                return "client:" + client;
            }
        }
        return "sub:" + token.getSubject();
    }

    private static String addressOf(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote != null && remote.getAddress() != null ? "addr:" + remote.getAddress().getHostAddress() : "addr:?";
    }

    private static long ceilSeconds(Duration wait) {
        return (wait.toNanos() + 999_999_999L) / 1_000_000_000L;
    }
}
