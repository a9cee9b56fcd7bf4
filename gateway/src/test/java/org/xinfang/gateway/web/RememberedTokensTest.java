package org.xinfang.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class RememberedTokensTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    final AtomicInteger verifications = new AtomicInteger();
    Instant expiry = NOW.plus(Duration.ofMinutes(10));
    final ReactiveJwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (token.startsWith("bad")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("east-01-clerk")
                .issuedAt(NOW.minusSeconds(1)).expiresAt(expiry).build());
    };

    RememberedTokens tokens(Instant now, int capacity) {
        return new RememberedTokens(verifier, Clock.fixed(now, ZoneOffset.UTC), capacity);
    }

    @Test
    void aTokenVerifiedOnceIsNotVerifiedAgainUntilItExpires() {
        RememberedTokens tokens = tokens(NOW, 10);

        Jwt first = tokens.decode("t1").block();
        Jwt second = tokens.decode("t1").block();

        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
        tokens.decode("t2").block();
        assertThat(verifications).hasValue(2);
    }

    @Test
    void anExpiredTokenIsVerifiedAgainAndNotKept() {
        expiry = NOW.plusSeconds(5);
        tokens(NOW, 10).decode("t1").block();
        RememberedTokens later = new RememberedTokens(verifier, Clock.fixed(NOW.plusSeconds(30), ZoneOffset.UTC), 10);

        later.decode("t1").block();
        later.decode("t1").block();

        // Within the verifier's clock skew it is accepted, but each time by the verifier itself.
        assertThat(verifications).hasValue(3);
        assertThat(later.size()).isZero();
    }

    @Test
    void aRememberedTokenIsDroppedOnceItsExpiryPasses() {
        expiry = NOW.plusSeconds(5);
        Clock[] clock = {Clock.fixed(NOW, ZoneOffset.UTC)};
        RememberedTokens tokens = new RememberedTokens(verifier, new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock[0].instant();
            }
        }, 10);
        tokens.decode("t1").block();
        clock[0] = Clock.fixed(NOW.plusSeconds(6), ZoneOffset.UTC);

        tokens.decode("t1").block();

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aFailureIsNeverRemembered() {
        RememberedTokens tokens = tokens(NOW, 10);

        for (int i = 0; i < 2; i++) {
            assertThat(tokens.decode("bad-1").onErrorResume(BadJwtException.class, e -> Mono.empty()).block()).isNull();
        }

        assertThat(verifications).hasValue(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void theMemoryIsBounded() {
        RememberedTokens tokens = tokens(NOW, 3);
        for (int i = 0; i < 10; i++) {
            tokens.decode("t" + i).block();
        }

        assertThat(tokens.size()).isLessThanOrEqualTo(3);
    }
}
