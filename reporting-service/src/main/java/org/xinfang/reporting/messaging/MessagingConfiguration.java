package org.xinfang.reporting.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinfang.reporting.config.ReportingProperties;
import org.xinfang.reporting.domain.OutcomeRules;
import org.xinfang.reporting.persistence.Generation;

/** The folding loop, the rebuild, and what they publish to. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /** The live loop and a rebuild never fold at the same time. */
    private final ReentrantLock foldLock = new ReentrantLock();

    @Bean
    DistrictUpdates districtUpdates() {
        return new DistrictUpdates();
    }

    @Bean(destroyMethod = "close")
    ReportPublisher reportPublisher(@Value("${spring.kafka.bootstrap-servers}") String bootstrap) {
        return new ReportPublisher(bootstrap);
    }

    @Bean
    EventFolder eventFolder(OutcomeRules rules) {
        return new EventFolder(rules);
    }

    @Bean
    FoldingLoop foldingLoop(@Value("${spring.kafka.bootstrap-servers}") String bootstrap, ReportingProperties properties,
                            EventFolder folder, Generation generation, ReportPublisher publisher,
                            DistrictUpdates updates, Clock clock, MeterRegistry meters) {
        return new FoldingLoop(bootstrap, properties.consumerGroup(), properties.maxPollRecords(), folder, generation, publisher, updates,
                foldLock, clock, meters);
    }

    @Bean
    Rebuilder rebuilder(@Value("${spring.kafka.bootstrap-servers}") String bootstrap, ReportingProperties properties,
                        EventFolder folder, Generation generation) {
        return new Rebuilder(bootstrap, properties.maxPollRecords(), folder, generation, foldLock);
    }

    /** Part of readiness: figures are only worth serving while events are being folded. */
    @Bean
    HealthIndicator folding(FoldingLoop loop) {
        return () -> loop.healthy() ? Health.up().build() : Health.down().withDetail("folding", "stalled").build();
    }
}
