package org.xinfang.routing.config;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinfang.routing.persistence.DecisionStore;
import org.xinfang.routing.persistence.RuleSetStore;

/** Routing's collections in its database (the client and its timeouts are the kit's {@code ServiceStore}). */
@Configuration(proxyBeanMethods = false)
class StoreConfig {

    @Bean
    DecisionStore decisionStore(MongoDatabase database) {
        // Its indexes are the kit's IndexCreation's to make, retried while the store is away.
        return new DecisionStore(database.getCollection("decisions"));
    }

    @Bean
    RuleSetStore ruleSetStore(MongoDatabase database, RoutingSettings settings) {
        return new RuleSetStore(database.getCollection("rule_sets"), settings.ruleSetCache());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
