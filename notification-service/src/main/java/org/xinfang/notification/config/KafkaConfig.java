package org.xinfang.notification.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Producer and consumer settings live in application.yml where a reader sees them (acks=all, idempotence, manual
 * commit after the effect). Here: what happens when storing or publishing fails.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    /**
     * Unreadable records never reach the container's error handler (the listener dead-letters them), so a failure
     * here is the store or the broker being away: retry the same record with backoff, without end, rather than
     * skip an alert.
     */
    @Bean
    CommonErrorHandler retryUntilStored() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        return new DefaultErrorHandler(backOff);
    }
}
