package org.xinfang.gateway.web;

import org.xinfang.kit.web.ProblemWriter;
import org.xinfang.kit.web.RequestIdFilter;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a service's circuit breaker forwards a request that failed or was not sent (the breaker is open): the
 * caller gets the problem+json the failure deserves, 503 with Retry-After for a service that is down.
 */
@RestController
class ServiceFallback {

    private static final Logger log = LoggerFactory.getLogger(ServiceFallback.class);

    private final ProblemWriter problems;

    ServiceFallback(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("/fallback/{service}")
    Mono<Void> fallback(@PathVariable String service, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (failure == null) {
            // Called from outside rather than forwarded by a breaker: there is nothing here.
            return problems.write(exchange, HttpStatus.NOT_FOUND, "No resource at this path.");
        }
        UpstreamFaults.Answer answer = UpstreamFaults.answerFor(failure, service);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIdFilter.KEY,
                exchange.getAttributeOrDefault(RequestIdFilter.KEY, ""))) {
            if (answer.status() == HttpStatus.INTERNAL_SERVER_ERROR) {
                log.error("unexpected failure calling {}", service, failure);
            } else if (failure instanceof CallNotPermittedException) {
                // The breaker's opening is logged once (UpstreamBreakers); a line per refused call would flood the log.
                log.debug("service {} not called: its circuit breaker is open", service);
            } else if (answer.isServiceFault()) {
                log.warn("service {} failed: {}", service, failure.toString());
            }
        }
        UpstreamFaults.markRetryable(exchange, answer.status());
        return problems.write(exchange, answer.status(), answer.detail(), Map.of("service", service));
    }
}
