package org.xinfang.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Takes {@code X-Request-Id} from the caller (or makes one), returns it to the caller, keeps it for the service
 * ({@link ForwardedRequestHeaders} relays it) and for the error handlers, and puts it in the Reactor context as
 * {@code requestId}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter implements WebFilter {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    /** The path the caller asked for, kept for problem documents written after a forward to a fallback. */
    static final String PATH_ATTR = RequestIdFilter.class.getName() + ".path";
    /** A caller's id is echoed into logs and headers of every service, so only a safe shape is accepted. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        // The error handlers run outside this filter's Reactor context, and the service's headers are built from the
        // exchange: both find the id here.
        exchange.getAttributes().put(MDC_KEY, id);
        exchange.getAttributes().put(PATH_ATTR, exchange.getRequest().getPath().value());
        // Set at commit time: the routing filter copies the service's own response headers in before that,
        // and the caller must see exactly one id.
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, id);
            return Mono.empty();
        });
        return chain.filter(exchange).contextWrite(ctx -> ctx.put(MDC_KEY, id));
    }
}
