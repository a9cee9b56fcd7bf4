package org.xinfang.gateway.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The circuit breaker each service gets: it opens when {@code failureRatePercent} of the last {@code window} calls
 * (after at least {@code minimumCalls}) failed to reach the service, and stays open for {@code openFor}.
 */
@ConfigurationProperties("xinfang.gateway.breaker")
public record BreakerSettings(
        @DefaultValue("50") float failureRatePercent,
        @DefaultValue("20") int window,
        @DefaultValue("10") int minimumCalls,
        @DefaultValue("10s") Duration openFor) {
}
