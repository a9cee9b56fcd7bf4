package org.xinfang.kit.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A token must say when it expires, and not too far ahead: Boot's own check refuses an expired token but lets one
 * without {@code exp} through, which would be good for as long as its key is. The lifetime is counted from {@code iat}
 * when the token has one, else from now; {@code XINFANG_TOKEN_MAX_LIFETIME} (1 h by default, above any issuer's usual
 * access-token lifetime).
 */
public final class TokenLifetimeValidator implements OAuth2TokenValidator<Jwt> {

    /** The clock-skew allowance Boot's own timestamp check grants. */
    private static final Duration SKEW = Duration.ofSeconds(60);

    private final Duration maxLifetime;
    private final Clock clock;

    public TokenLifetimeValidator(Duration maxLifetime, Clock clock) {
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Instant expires = token.getExpiresAt();
        if (expires == null) {
            return refused("The token has no expiry (exp).");
        }
        Instant from = token.getIssuedAt() != null ? token.getIssuedAt() : clock.instant();
        if (Duration.between(from, expires).compareTo(maxLifetime.plus(SKEW)) > 0) {
            return refused("The token lives longer than " + maxLifetime.toMinutes() + " minutes.");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult refused(String why) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, why, null));
    }
}
