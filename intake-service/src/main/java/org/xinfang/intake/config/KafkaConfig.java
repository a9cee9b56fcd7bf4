package org.xinfang.intake.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** Producer and consumer settings live in application.yml; this adds what the properties cannot say. */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    /**
     * A record whose effect could not be stored (store down) is retried, never skipped: skipping would lose a
     * routing decision. Unreadable records do not get here; the listener dead-letters them itself.
     */
    @Bean
    CommonErrorHandler retryUntilStored() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return new DefaultErrorHandler(backOff);
    }
}
