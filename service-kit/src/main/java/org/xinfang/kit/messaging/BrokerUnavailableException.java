package org.xinfang.kit.messaging;

/**
 * The broker did not take an event in time: it is down, restarting or unreachable. Thrown by a request's publish, and
 * answered 503 with Retry-After by {@link BrokerUnavailableAdvice}: the request may succeed once the broker is back.
 */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
