package org.xinfang.routing.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Producer and consumer settings live in application.yml where a reader sees them (acks=all, idempotence, manual
 * commit after the effect). Here: what happens when storing or publishing a decision fails.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    /**
     * Unreadable records never reach this handler (the listener dead-letters them), so a failure here means the
     * store or the broker is away: retry the same batch with backoff, without end, rather than skip a petition.
     * The offsets are not committed meanwhile, so a restart retries them too; decisions already stored are found
     * again, not made twice.
     */
    @Bean
    CommonErrorHandler retryUntilRouted() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        return new DefaultErrorHandler(backOff);
    }
}
