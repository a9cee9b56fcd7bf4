package org.xinfang.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.MutableClock;
import org.xinfang.localstack.testing.TestIssuer;

/** Tokens are verified once by the real RS256 decoder and then remembered only while they are valid. */
class VerifiedTokensTest {

    private static final TestIssuer ISSUER = TestIssuer.shared();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final AtomicInteger fullChecks = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.now());

    @Test
    void aTokenVerifiedOnceIsNotVerifiedAgain() {
        VerifiedTokens tokens = new VerifiedTokens(counted(issuerDecoder()), clock, 100);
        String token = ISSUER.school("d-east", "s-east-01", Role.CLERK).mint();

        Jwt first = tokens.decode(token).block(WAIT);
        Jwt second = tokens.decode(token).block(WAIT);

        assertThat(second.getSubject()).isEqualTo(first.getSubject()).isEqualTo("s-east-01-clerk");
        assertThat(fullChecks).hasValue(1);
    }

    @Test
    void aRefusedTokenIsCheckedAgainEveryTime() {
        VerifiedTokens tokens = new VerifiedTokens(counted(issuerDecoder()), clock, 100);
        String stranger = ISSUER.school("d-east", "s-east-01", Role.CLERK).signedByStranger().mint();
        String expired = ISSUER.school("d-east", "s-east-01", Role.CLERK).expired().mint();

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.decode(stranger).block(WAIT)).isInstanceOf(JwtException.class);
            assertThatThrownBy(() -> tokens.decode(expired).block(WAIT)).isInstanceOf(JwtException.class);
        }
        assertThat(fullChecks).hasValue(4);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aRememberedTokenGoesBackToTheFullCheckOnceItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(counted(issuerDecoder()), clock, 100);
        String token = ISSUER.school("d-east", "s-east-01", Role.CLERK).mint();
        Jwt verified = tokens.decode(token).block(WAIT);

        clock.set(verified.getExpiresAt().minusSeconds(1));
        tokens.decode(token).block(WAIT);
        assertThat(fullChecks).hasValue(1);

        clock.set(verified.getExpiresAt());
        tokens.decode(token).block(WAIT);
        assertThat(fullChecks).hasValue(2);
    }

    @Test
    void itHoldsNoMoreThanItsCapacity() {
        VerifiedTokens tokens = new VerifiedTokens(counted(issuerDecoder()), clock, 2);
        for (int i = 0; i < 5; i++) {
            tokens.decode(ISSUER.school("d-east", "s-east-01", Role.CLERK).mint()).block(WAIT);
            assertThat(tokens.size()).isBetween(1, 2);
        }
    }

    private static ReactiveJwtDecoder issuerDecoder() {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(ISSUER.jwkSetUri()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER.issuer()));
        return decoder;
    }

    private ReactiveJwtDecoder counted(ReactiveJwtDecoder decoder) {
        return token -> {
            fullChecks.incrementAndGet();
            return decoder.decode(token);
        };
    }

}
