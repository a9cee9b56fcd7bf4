package org.xinfang.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Sends a request a second time, once, when the service closed the connection before answering (it was restarting,
 * or it closed a kept-alive connection just as the request went out) and the request is safe to repeat: a GET or
 * HEAD, or a POST that carries an {@code Idempotency-Key}, which the service answers once however often it comes.
 * The failed connection is gone from the pool by then, so the repeat goes out on another. Anything else that meets a
 * closed connection is answered 503 with Retry-After ({@link UpstreamFaults}): the caller decides whether to repeat.
 *
 * <p>Runs right around the call itself, inside the service's circuit breaker and its retries of refused connections,
 * so that a repeat that succeeds counts as one call. The request body was read whole by {@link BodySizeFilter}, so a
 * repeat sends all of it again.
 */
@Component
class RepeatOnceFilter implements GlobalFilter, Ordered {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Logger log = LoggerFactory.getLogger(RepeatOnceFilter.class);

    @Override
    public int getOrder() {
        return NettyRoutingFilter.ORDER - 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!safeToRepeat(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).onErrorResume(failure -> {
            if (!UpstreamFaults.isClosedEarly(failure) || exchange.getResponse().isCommitted()) {
                return Mono.error(failure);
            }
            log.info("{} {}: the service closed the connection before answering ({}); sending it once more",
                    exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure.toString());
            // Forget what the failed attempt left: the headers it copied from a response and the routed mark.
            ServerWebExchangeUtils.reset(exchange);
            return chain.filter(exchange);
        });
    }

    static boolean safeToRepeat(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            return true;
        }
        String key = request.getHeaders().getFirst(IDEMPOTENCY_KEY);
        return HttpMethod.POST.equals(method) && key != null && !key.isBlank();
    }
}
