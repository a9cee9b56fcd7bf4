package org.xinfang.reporting.web;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Takes {@code X-Request-Id} from the request (or makes one), returns it, and puts it in the Reactor context, from
 * which every log line of the request picks it up. Logs one line per request: method, path, status, time. Never
 * the query string's values beyond the path, nor any body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter implements WebFilter {

    static final String HEADER = "X-Request-Id";
    private static final Logger log = LoggerFactory.getLogger(RequestIdFilter.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = given != null && given.matches("[A-Za-z0-9._:-]{1,128}") ? given : UUID.randomUUID().toString();
        exchange.getResponse().getHeaders().set(HEADER, id);
        long began = System.nanoTime();
        return chain.filter(exchange)
                .doFinally(signal -> {
                    if (!exchange.getRequest().getPath().value().startsWith("/actuator")) {
                        log.info("{} {} -> {} in {} ms", exchange.getRequest().getMethod(),
                                exchange.getRequest().getPath().value(), exchange.getResponse().getStatusCode(),
                                (System.nanoTime() - began) / 1_000_000);
                    }
                })
                .contextWrite(ctx -> ctx.put("requestId", id));
    }
}
