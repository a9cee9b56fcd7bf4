package org.xinfang.gateway.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinfang.gateway.web.UpstreamFaults;

/**
 * One circuit breaker per service (the routes name them after the service). Only the service's own faults count:
 * unreachable, timed out, connection broken. A caller's oversized body does not open anyone's breaker.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamBreakers {

    private static final Logger log = LoggerFactory.getLogger(UpstreamBreakers.class);

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> upstreamBreakerDefaults(BreakerSettings settings) {
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRatePercent())
                .slidingWindowSize(settings.window())
                .minimumNumberOfCalls(settings.minimumCalls())
                .waitDurationInOpenState(settings.openFor())
                .recordException(UpstreamFaults::isUpstreamFault)
                // A server-sent-event stream is one long call: duration alone must never open a breaker.
                .slowCallDurationThreshold(Duration.ofDays(1))
                .build();
        // The time limiter is switched off in application.yml (it would cut streams); the HTTP client's connect and
        // response timeouts bound a call instead. This config only satisfies the builder.
        TimeLimiterConfig unused = TimeLimiterConfig.custom().timeoutDuration(Duration.ofDays(1)).build();
        return factory -> {
            factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                    .circuitBreakerConfig(breaker).timeLimiterConfig(unused).build());
            // One log line when a service's breaker opens or closes, rather than one per refused call.
            factory.getCircuitBreakerRegistry().getEventPublisher().onEntryAdded(added -> added.getAddedEntry()
                    .getEventPublisher().onStateTransition(event -> log.warn("circuit breaker of service {}: {}",
                            event.getCircuitBreakerName(), event.getStateTransition())));
        };
    }
}
