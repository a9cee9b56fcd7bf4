package org.xinfang.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests per client: a bucket of {@code burst} tokens refilled at {@code perSecond}; {@code maxClients} bounds the
 * memory the buckets take. The public door has its own buckets per client address ({@code publicPerSecond},
 * {@code publicBurst}), since its callers carry no token.
 */
@ConfigurationProperties("xinfang.gateway.rate-limit")
public record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("50") double perSecond,
        @DefaultValue("100") int burst,
        @DefaultValue("10000") int maxClients,
        @DefaultValue("1") double publicPerSecond,
        @DefaultValue("20") int publicBurst) {
}
