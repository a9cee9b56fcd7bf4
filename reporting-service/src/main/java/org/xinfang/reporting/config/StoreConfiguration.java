package org.xinfang.reporting.config;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinfang.reporting.domain.OutcomeRules;
import org.xinfang.reporting.persistence.Generation;
import org.xinfang.reporting.persistence.ReportReader;
import org.xinfang.reporting.persistence.TallyCache;

/** Reporting's figures in its database (the client is the kit's {@code ServiceStore}) and the domain's rules. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    Generation generation(MongoDatabase database, @Value("${xinfang.reporting.tally-cache-size:100000}") int cacheSize) {
        Generation generation = new Generation(database, new TallyCache(cacheSize));
        // Read once at start, off the request threads, which must never block on the store.
        generation.load();
        return generation;
    }

    @Bean
    ReportReader reportReader(Generation generation) {
        return new ReportReader(generation);
    }

    @Bean
    OutcomeRules outcomeRules(ReportingProperties properties) {
        return new OutcomeRules(properties.policy());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
