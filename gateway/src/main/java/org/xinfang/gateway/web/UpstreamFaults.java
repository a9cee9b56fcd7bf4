package org.xinfang.gateway.web;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the caller is told when a request could not be served, and which failures are the service's fault (they count
 * against its circuit breaker) rather than the caller's (an oversized body, say).
 */
public final class UpstreamFaults {

    /**
     * What a 503 tells the caller to wait before trying again: a service restarting comes back within seconds, and a
     * circuit breaker that is open lets a trial call through after its open time; a repeat that comes too early is
     * answered at once again, at no cost to the service.
     */
    static final String RETRY_AFTER_SECONDS = "1";

    private UpstreamFaults() {
    }

    /** Every 503 of the gateway says when to try again. */
    static void markRetryable(ServerWebExchange exchange, HttpStatus status) {
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
    }

    /** The service could not be reached, did not answer in time, or dropped the connection. */
    public static boolean isUpstreamFault(Throwable failure) {
        if (failure instanceof ResponseStatusException rse) {
            return rse.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value();
        }
        return isUnreachable(failure) || causedBy(failure, TimeoutException.class) || causedBy(failure, IOException.class);
    }

    /**
     * The connection to the service was there and broke before an answer came: closed or reset while the request
     * went out or while its answer was awaited. Not a refused connection (nothing reached the service) nor a timeout.
     */
    static boolean isClosedEarly(Throwable failure) {
        return causedBy(failure, IOException.class) && !isUnreachable(failure)
                && !causedBy(failure, TimeoutException.class);
    }

    static boolean isUnreachable(Throwable failure) {
        // Netty's connect timeout and "connection refused" are both ConnectExceptions.
        return causedBy(failure, ConnectException.class) || causedBy(failure, UnknownHostException.class)
                || causedBy(failure, UnresolvedAddressException.class);
    }

    static Answer answerFor(Throwable failure, String service) {
        if (failure instanceof CallNotPermittedException) {
            return new Answer(HttpStatus.SERVICE_UNAVAILABLE,
                    "The " + service + " service is failing and is not being called for a moment; try again shortly.");
        }
        if (isUnreachable(failure)) {
            return new Answer(HttpStatus.SERVICE_UNAVAILABLE,
                    "The " + service + " service is not available; try again shortly.");
        }
        if (causedBy(failure, TimeoutException.class)) {
            return new Answer(HttpStatus.GATEWAY_TIMEOUT, "The " + service + " service did not answer in time.");
        }
        if (failure instanceof ResponseStatusException rse) {
            HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
            if (status == HttpStatus.GATEWAY_TIMEOUT) {
                return new Answer(status, "The " + service + " service did not answer in time.");
            }
            return new Answer(status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR, reasonOf(rse));
        }
        if (causedBy(failure, IOException.class)) {
            // The service closed the connection before its answer was complete (it was stopped or restarting). A
            // request safe to repeat has been sent once more already (RepeatOnceFilter); the caller may repeat this.
            return new Answer(HttpStatus.SERVICE_UNAVAILABLE,
                    "The " + service + " service closed the connection before answering; try again shortly.");
        }
        return new Answer(HttpStatus.INTERNAL_SERVER_ERROR, "The gateway failed unexpectedly.");
    }

    private static String reasonOf(ResponseStatusException rse) {
        if (rse.getReason() != null && !rse.getReason().isBlank()) {
            return rse.getReason();
        }
        return rse.getStatusCode().value() == 404 ? "No resource at this path." : "The request could not be served.";
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The status and the sentence the caller gets. */
    record Answer(HttpStatus status, String detail) {

        boolean isServiceFault() {
            return status.is5xxServerError() && status != HttpStatus.INTERNAL_SERVER_ERROR;
        }
    }
}
