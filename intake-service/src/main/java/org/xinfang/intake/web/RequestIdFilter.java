package org.xinfang.intake.web;

import io.micrometer.context.ContextRegistry;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Takes {@code X-Request-Id} from the request (or makes one), returns it, and puts it in the Reactor context; with
 * {@code spring.reactor.context-propagation=auto} it reaches the logging MDC on whatever thread runs the request,
 * so every log line of the request carries it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter implements WebFilter {

    static final String HEADER = "X-Request-Id";
    static final String KEY = "requestId";
    /** A caller's id is logged: only a short, plain token is accepted, anything else is replaced. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(KEY,
                () -> MDC.get(KEY), value -> MDC.put(KEY, value), () -> MDC.remove(KEY));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = given != null && ACCEPTABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        exchange.getResponse().getHeaders().set(HEADER, id);
        return chain.filter(exchange).contextWrite(context -> context.put(KEY, id));
    }
}
