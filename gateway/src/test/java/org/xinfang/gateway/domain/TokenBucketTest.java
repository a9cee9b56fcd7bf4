package org.xinfang.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketAdmitsItsBurstThenRefuses() {
        TokenBucket bucket = new TokenBucket(3, 1, 0);

        assertThat(bucket.take(0).admitted()).isTrue();
        assertThat(bucket.take(0).admitted()).isTrue();
        assertThat(bucket.take(0).admitted()).isTrue();
        Admission refused = bucket.take(0);

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void tokensComeBackAtTheRateAndNeverAboveTheBurst() {
        TokenBucket bucket = new TokenBucket(2, 4, 0);
        bucket.take(0);
        bucket.take(0);

        assertThat(bucket.take(SECOND / 8).retryAfter()).isEqualTo(Duration.ofMillis(125));
        assertThat(bucket.take(SECOND / 4).admitted()).isTrue();
        assertThat(bucket.isFull(10 * SECOND)).isTrue();
        assertThat(bucket.take(10 * SECOND).admitted()).isTrue();
        assertThat(bucket.take(10 * SECOND).admitted()).isTrue();
        assertThat(bucket.take(10 * SECOND).admitted()).isFalse();
    }

    @Test
    void aClockGoingBackwardsGivesNoTokens() {
        TokenBucket bucket = new TokenBucket(1, 1, 5 * SECOND);
        bucket.take(5 * SECOND);

        assertThat(bucket.take(2 * SECOND).admitted()).isFalse();
    }

    @Test
    void nonsenseLimitsAreRefusedAtConstruction() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
