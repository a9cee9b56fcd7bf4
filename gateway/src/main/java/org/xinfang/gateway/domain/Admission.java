package org.xinfang.gateway.domain;

import java.time.Duration;

/** The answer of a rate limit to one request: let it in, or how long until a token will be there. */
public record Admission(boolean admitted, Duration retryAfter) {

    static final Admission ADMITTED = new Admission(true, Duration.ZERO);

    static Admission refusedFor(Duration wait) {
        return new Admission(false, wait);
    }
}
