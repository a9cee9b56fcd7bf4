package org.xinfang.kit.web;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Takes {@code X-Request-Id} from the caller (or makes one), returns it, and keeps it three ways: in the exchange's
 * attributes (for error handlers that run outside the request's Reactor context, and for the gateway, which relays it
 * to the service), in the Reactor context, and from there in the logging MDC as {@code requestId} on whatever thread
 * runs the request. Runs first, so every other filter and every log line of the request sees the id.
 */
public final class RequestIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    /** The key in the Reactor context, the MDC and the exchange's attributes. */
    public static final String KEY = "requestId";
    /** The path the caller asked for, kept for problem documents written after the gateway forwarded to a fallback. */
    public static final String PATH_ATTRIBUTE = RequestIdFilter.class.getName() + ".path";
    /** A caller's id is echoed into logs and headers of every service: only a short, plain token is accepted. */
    static final int MAX_LENGTH = 100;

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(KEY));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = acceptable(given) ? given : UUID.randomUUID().toString();
        exchange.getAttributes().put(KEY, id);
        exchange.getAttributes().put(PATH_ATTRIBUTE, exchange.getRequest().getPath().value());
        // Set when the response commits: the gateway copies the service's own headers in before that, and the
        // caller must see exactly one id.
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, id);
            return Mono.empty();
        });
        return chain.filter(exchange).contextWrite(context -> context.put(KEY, id));
    }

    /** The id of this exchange, as the filter kept it; null before the filter ran. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(KEY);
    }

    /** {@code [A-Za-z0-9._:-]{1,100}}, checked without a regular expression. */
    static boolean acceptable(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!plain) {
                return false;
            }
        }
        return true;
    }
}
