package org.xinfang.kit.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens that passed every check, so a caller sending the same token again is not verified again: parsing,
 * the RS256 signature and the claim checks cost more than the rest of a small request. A token is remembered by its
 * exact compact form (signature included), and only until it expires; past that it goes back to the full check, which
 * applies the clock-skew allowance and refuses it. Only successes are remembered: a refused token is checked afresh
 * every time. Bounded: when full, expired tokens are dropped first, then all of them.
 */
public final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder checks;
    private final Clock clock;
    private final int capacity;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    public VerifiedTokens(ReactiveJwtDecoder checks, Clock clock, int capacity) {
        this.checks = checks;
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null) {
            if (current(known, clock.instant())) {
                return Mono.just(known);
            }
            verified.remove(token, known);
        }
        return checks.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    private void remember(String token, Jwt jwt) {
        Instant now = clock.instant();
        if (!current(jwt, now)) {
            return;
        }
        if (verified.size() >= capacity) {
            verified.values().removeIf(old -> !current(old, now));
            if (verified.size() >= capacity) {
                verified.clear();
            }
        }
        verified.put(token, jwt);
    }

    /** A token without an expiry is never remembered: it would be trusted for as long as the process runs. */
    private static boolean current(Jwt jwt, Instant now) {
        Instant expires = jwt.getExpiresAt();
        return expires != null && now.isBefore(expires);
    }

    int size() {
        return verified.size();
    }
}
