package org.xinfang.routing.config;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinfang.routing.persistence.DecisionStore;
import org.xinfang.routing.persistence.RuleSetStore;

/** Routing's collections in its database (the client and its timeouts are the kit's {@code ServiceStore}). */
@Configuration(proxyBeanMethods = false)
class StoreConfig {

    private static final Logger log = LoggerFactory.getLogger(StoreConfig.class);

    @Bean
    DecisionStore decisionStore(MongoDatabase database) {
        DecisionStore store = new DecisionStore(database.getCollection("decisions"));
        // Indexes speed reads only; a store that is down at start must not stop the service.
        store.ensureIndexes().timeout(Duration.ofSeconds(10))
                .doOnError(e -> log.warn("decision indexes not created yet: {}", e.toString()))
                .onErrorComplete().subscribe();
        return store;
    }

    @Bean
    RuleSetStore ruleSetStore(MongoDatabase database, RoutingSettings settings) {
        RuleSetStore store = new RuleSetStore(database.getCollection("rule_sets"), settings.ruleSetCache());
        store.ensureIndexes().timeout(Duration.ofSeconds(10))
                .doOnError(e -> log.warn("rule-set indexes not created yet: {}", e.toString()))
                .onErrorComplete().subscribe();
        return store;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
