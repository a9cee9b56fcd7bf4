package org.xinfang.intake.web;

import java.time.Duration;

/** A public request refused for now: an address locked out after wrong codes, or a school's door that is full. */
final class TooManyAttemptsException extends RuntimeException {

    private final Duration retryAfter;

    TooManyAttemptsException(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
