package org.xinfang.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

    static final long SECOND = 1_000_000_000L;

    @Test
    void eachClientHasItsOwnBucket() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 1, 100);

        assertThat(limiter.admit("a", 0).admitted()).isTrue();
        assertThat(limiter.admit("a", 0).admitted()).isFalse();
        assertThat(limiter.admit("b", 0).admitted()).isTrue();
        assertThat(limiter.admit("a", SECOND).admitted()).isTrue();
    }

    @Test
    void idleClientsAreForgottenOnceTooManyAreTracked() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 1, 2);
        limiter.admit("a", 0);
        limiter.admit("b", 0);
        limiter.admit("c", 0);
        assertThat(limiter.trackedClients()).isEqualTo(3);

        // Two seconds on, a, b and c have refilled: they are as good as new and are dropped.
        limiter.admit("d", 2 * SECOND);

        assertThat(limiter.trackedClients()).isEqualTo(1);
    }

    @Test
    void aFloodOfDistinctClientsCannotGrowTheMemoryWithoutBound() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 1, 100);
        for (int i = 0; i < 1_000; i++) {
            limiter.admit("flood-" + i, i * (SECOND / 100));
        }

        // Sweeps run at most once a second: at most a second's worth of new clients (100) above the bound.
        assertThat(limiter.trackedClients()).isLessThanOrEqualTo(201);
    }
}
