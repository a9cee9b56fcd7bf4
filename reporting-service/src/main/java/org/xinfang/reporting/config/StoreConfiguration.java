package org.xinfang.reporting.config;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinfang.reporting.domain.OutcomeRules;
import org.xinfang.reporting.persistence.Generation;
import org.xinfang.reporting.persistence.ReportReader;
import org.xinfang.reporting.persistence.TallyCache;

/** The store (Boot does not configure the bare reactive driver) and the domain's rules. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(@Value("${xinfang.mongo.uri}") String uri,
            @Value("${xinfang.mongo.read-timeout:10s}") Duration readTimeout) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                // A store that accepts but stops answering fails the call (503 to a request) instead of holding it
                // and its connection for ever (MONGO_READ_TIMEOUT).
                .applyToSocketSettings(s -> s.readTimeout(Math.toIntExact(readTimeout.toMillis()), TimeUnit.MILLISECONDS))
                .build());
    }

    @Bean
    MongoDatabase reportingDatabase(MongoClient client, @Value("${xinfang.mongo.database}") String database) {
        return client.getDatabase(database);
    }

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
