package org.xinfang.gateway.web;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns every failure the gateway meets into problem+json: a service that refuses or cannot be reached gives 503 at
 * once (the caller can retry later), one that does not answer in time gives 504, a path with no route gives 404.
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
        // This handler runs outside the request filter's Reactor context, so the request id is put in the MDC by hand.
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIdFilter.MDC_KEY,
                exchange.getAttributeOrDefault(RequestIdFilter.MDC_KEY, ""))) {
            return answer(exchange, failure);
        }
    }

    private Mono<Void> answer(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            // Part of a response (a stream, say) is already out: all that is left is to close the connection.
            return Mono.error(failure);
        }
        String service = serviceOf(exchange);
        if (isUnreachable(failure)) {
            log.warn("service {} unreachable: {}", service, failure.toString());
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                    "The " + service + " service is not available; try again shortly.", Map.of("service", service));
        }
        if (causedBy(failure, TimeoutException.class)) {
            log.warn("service {} timed out: {}", service, failure.toString());
            return problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT,
                    "The " + service + " service did not answer in time.", Map.of("service", service));
        }
        if (failure instanceof ResponseStatusException rse) {
            HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
            return problems.write(exchange, status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR,
                    detailOf(rse.getStatusCode(), rse.getReason()));
        }
        log.error("unexpected failure on {}", exchange.getRequest().getPath(), failure);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "The gateway failed unexpectedly.");
    }

    static boolean isUnreachable(Throwable failure) {
        // Netty's connect timeout and "connection refused" are both ConnectExceptions.
        return causedBy(failure, ConnectException.class) || causedBy(failure, UnknownHostException.class)
                || causedBy(failure, UnresolvedAddressException.class);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String serviceOf(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route != null ? route.getId() : "upstream";
    }

    private static String detailOf(HttpStatusCode status, String reason) {
        if (reason != null && !reason.isBlank()) {
            return reason;
        }
        return status.value() == 404 ? "No resource at this path." : "The request could not be served.";
    }
}
