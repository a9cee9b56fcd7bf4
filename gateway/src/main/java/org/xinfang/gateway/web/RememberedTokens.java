package org.xinfang.gateway.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers the tokens already verified, until they expire: a client sends the same token with every request for its
 * lifetime, and checking its RS256 signature, parsing it and running the validators again each time is most of what
 * the door costs. Only the exact same compact token (header, claims and signature, byte for byte) is found here, so
 * nothing is accepted that was not verified in full once; failures are never remembered.
 *
 * <p>A remembered token stays accepted until its {@code exp} even if the issuer withdraws its key meanwhile; each
 * service still verifies the token itself. Memory is bounded: past {@code capacity} entries all are forgotten.
 */
final class RememberedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final Clock clock;
    private final int capacity;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    RememberedTokens(ReactiveJwtDecoder verifier, Clock clock, int capacity) {
        this.verifier = verifier;
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.get(token);
        if (known != null) {
            if (isLive(known)) {
                return Mono.just(known);
            }
            verified.remove(token, known);
        }
        return verifier.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    int size() {
        return verified.size();
    }

    private void remember(String token, Jwt jwt) {
        if (!isLive(jwt)) {
            // Accepted within the clock skew after its expiry: verify it each time rather than keep it.
            return;
        }
        if (verified.size() >= capacity) {
            verified.clear();
        }
        verified.put(token, jwt);
    }

    private boolean isLive(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt);
    }
}
