package org.xinfang.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on every response, the services' and the gateway's own (429, 413, 503 …) alike. The API serves
 * JSON only, so nothing may be framed, sniffed, embedded or cached by default; a service may still set its own
 * Cache-Control.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SecurityHeadersFilter implements WebFilter {

    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /** Swagger UI loads its own scripts, styles and images, sets some styles inline, and fetches the API documents. */
    private static final String UI_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "frame-ancestors 'none'";

    /**
     * The console: its own scripts and styles only (Element Plus sets styles inline), its API on the same origin, no
     * framing. Forms may post to the gateway's sign-out, which sends the browser on to the issuer.
     */
    private static final String CONSOLE_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' "
            + "'unsafe-inline'; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // At commit time, after the routing filter has copied the service's headers in, so these win.
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Content-Security-Policy", isDocumentationUi(exchange) ? UI_POLICY
                    : isConsole(exchange) ? CONSOLE_POLICY : API_POLICY);
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            // Petitions carry personal data: no shared or browser cache keeps them unless a service says otherwise.
            if (!headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private static boolean isConsole(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        // The issuer's redirect back lands on /login/oauth2/code: a page too when signing in cannot be finished.
        return path.startsWith("/console") || path.startsWith("/login/oauth2/");
    }

    private static boolean isDocumentationUi(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        return path.startsWith("/swagger-ui") || path.startsWith("/webjars/");
    }
}
