package org.xinfang.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenLifetimeValidatorTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    private final TokenLifetimeValidator validator = new TokenLifetimeValidator(Duration.ofHours(1),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTokenWithoutExpiryIsRefused() {
        Jwt token = Jwt.withTokenValue("t").header("alg", "RS256").subject("u").issuedAt(NOW).build();
        assertThat(validator.validate(token).hasErrors()).isTrue();
    }

    @Test
    void aTokenLongerLivedThanTheCapIsRefusedAndOneWithinItPasses() {
        assertThat(validator.validate(token(NOW, NOW.plus(Duration.ofMinutes(30)))).hasErrors()).isFalse();
        assertThat(validator.validate(token(NOW, NOW.plus(Duration.ofHours(1)))).hasErrors()).isFalse();
        assertThat(validator.validate(token(NOW, NOW.plus(Duration.ofHours(2)))).hasErrors()).isTrue();
        assertThat(validator.validate(token(null, NOW.plus(Duration.ofDays(1)))).hasErrors()).as("no iat").isTrue();
        assertThat(validator.validate(token(null, NOW.plus(Duration.ofMinutes(5)))).hasErrors()).isFalse();
    }

    private static Jwt token(Instant issuedAt, Instant expiresAt) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("u").expiresAt(expiresAt);
        if (issuedAt != null) {
            builder.issuedAt(issuedAt);
        }
        return builder.build();
    }
}
