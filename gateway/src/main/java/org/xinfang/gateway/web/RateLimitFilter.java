package org.xinfang.gateway.web;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.xinfang.gateway.config.RateLimitSettings;
import org.xinfang.gateway.domain.Admission;
import org.xinfang.gateway.domain.ClientRateLimiter;
import reactor.core.publisher.Mono;

/**
 * A token bucket per client in front of the API: a client over its rate gets 429 with {@code Retry-After}, before
 * any service is called. The client is the {@code X-Client-Id} header, else the remote address; issue 3 replaces the
 * header with the client of the validated token (a header alone is the caller's word).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RateLimitFilter implements WebFilter {

    static final String CLIENT_HEADER = "X-Client-Id";
    private static final Pattern SAFE_CLIENT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final RateLimitSettings settings;
    private final ClientRateLimiter limiter;
    private final ProblemWriter problems;

    RateLimitFilter(RateLimitSettings settings, ProblemWriter problems) {
        this.settings = settings;
        this.limiter = new ClientRateLimiter(settings.perSecond(), settings.burst(), settings.maxClients());
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!settings.enabled() || !exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        Admission admission = limiter.admit(clientOf(exchange.getRequest()), System.nanoTime());
        if (admission.admitted()) {
            return chain.filter(exchange);
        }
        long seconds = Math.max(1, ceilSeconds(admission.retryAfter()));
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from this client; try again in " + seconds + " s.");
    }

    private static String clientOf(ServerHttpRequest request) {
        String declared = request.getHeaders().getFirst(CLIENT_HEADER);
        if (declared != null && SAFE_CLIENT.matcher(declared).matches()) {
            return "client:" + declared;
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote != null && remote.getAddress() != null ? "addr:" + remote.getAddress().getHostAddress() : "addr:?";
    }

    private static long ceilSeconds(Duration wait) {
        return (wait.toNanos() + 999_999_999L) / 1_000_000_000L;
    }
}
