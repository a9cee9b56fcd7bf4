package org.xinfang.gateway.domain;

import java.time.Duration;

/**
 * One client's allowance: holds up to {@code burst} tokens, gains {@code perSecond} tokens a second, and a request
 * takes one. Time is passed in (nanoseconds from any fixed origin) so the arithmetic is testable without waiting.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(int burst, double perSecond, long now) {
        if (burst < 1 || !(perSecond > 0)) {
            throw new IllegalArgumentException("a bucket needs burst >= 1 and a positive rate");
        }
        this.capacity = burst;
        this.tokensPerNano = perSecond / NANOS_PER_SECOND;
        this.tokens = burst;
        this.updatedAt = now;
    }

    synchronized Admission take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return Admission.ADMITTED;
        }
        long nanosToNextToken = (long) Math.ceil((1 - tokens) / tokensPerNano);
        return Admission.refusedFor(Duration.ofNanos(nanosToNextToken));
    }

    /** A full bucket is the same as a new one, so it can be forgotten. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        if (now > updatedAt) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * tokensPerNano);
            updatedAt = now;
        }
    }
}
