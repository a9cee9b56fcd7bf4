package org.xinfang.gateway.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket per client, in this process's memory. With several gateway replicas each enforces its own share, so
 * the effective limit is the configured one times the replica count.
 *
 * <p>Memory stays bounded: once more than {@code maxClients} are tracked, buckets that have refilled (idle clients) are
 * forgotten, at most once a second; if that is not enough (a flood of distinct identities) all are forgotten, which
 * briefly lets every client start with a full bucket rather than letting the map grow without end.
 */
public final class ClientRateLimiter {

    private static final long SWEEP_INTERVAL_NANOS = 1_000_000_000L;

    private final int burst;
    private final double perSecond;
    private final int maxClients;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong(Long.MIN_VALUE);

    public ClientRateLimiter(double perSecond, int burst, int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1");
        }
        this.burst = burst;
        this.perSecond = perSecond;
        this.maxClients = maxClients;
        new TokenBucket(burst, perSecond, 0); // validates the rate and burst at start-up, not on the first request
    }

    /** @param now nanoseconds from a fixed origin, e.g. {@link System#nanoTime()} */
    public Admission admit(String client, long now) {
        if (buckets.size() > maxClients) {
            sweep(now);
        }
        return buckets.computeIfAbsent(client, c -> new TokenBucket(burst, perSecond, now)).take(now);
    }

    int trackedClients() {
        return buckets.size();
    }

    private void sweep(long now) {
        long last = lastSweep.get();
        if (last != Long.MIN_VALUE && now - last < SWEEP_INTERVAL_NANOS || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        buckets.values().removeIf(bucket -> bucket.isFull(now));
        if (buckets.size() > maxClients) {
            buckets.clear();
        }
    }
}
