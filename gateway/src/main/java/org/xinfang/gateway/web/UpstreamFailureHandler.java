package org.xinfang.gateway.web;

import org.xinfang.kit.web.ProblemWriter;
import org.xinfang.kit.web.RequestIdFilter;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns every failure the gateway meets into problem+json: a service that refuses, cannot be reached or closes the
 * connection before answering gives 503 at once with Retry-After (the caller can retry later), one that does not answer in time gives 504, a path with no route gives 404, and a
 * token that cannot be checked because the issuer's key set is out of reach gives 503 (the token may well be good).
 * Runs before Boot's default handler (order -1), which would answer these with a plain JSON 500.
 */
@Component
@Order(-2)
class UpstreamFailureHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(UpstreamFailureHandler.class);

    private final ProblemWriter problems;

    UpstreamFailureHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            // Part of a response (a stream, say) is already out: all that is left is to close the connection.
            return Mono.error(failure);
        }
        // This handler runs outside the request filter's Reactor context, so the request id is put in the MDC by hand.
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIdFilter.KEY,
                exchange.getAttributeOrDefault(RequestIdFilter.KEY, ""))) {
            return answer(exchange, failure);
        }
    }

    private Mono<Void> answer(ServerWebExchange exchange, Throwable failure) {
        if (failure instanceof AuthenticationServiceException) {
            // Not the caller's fault: the token could not be checked (the issuer's key set cannot be fetched).
            log.warn("bearer token not checked: {}", failure.toString());
            UpstreamFaults.markRetryable(exchange, HttpStatus.SERVICE_UNAVAILABLE);
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                    "The bearer token cannot be checked now: the token issuer is not reachable; try again shortly.");
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String service = route != null ? route.getId() : "upstream";
        UpstreamFaults.Answer answer = UpstreamFaults.answerFor(failure, service);
        if (answer.status() == HttpStatus.INTERNAL_SERVER_ERROR) {
            log.error("unexpected failure on {}", exchange.getRequest().getPath(), failure);
        } else if (answer.isServiceFault()) {
            log.warn("service {} failed: {}", service, failure.toString());
        }
        Map<String, Object> extra = route != null ? Map.of("service", service) : Map.of();
        UpstreamFaults.markRetryable(exchange, answer.status());
        return problems.write(exchange, answer.status(), answer.detail(), extra);
    }
}
