package org.xinfang.routing.config;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinfang.routing.persistence.DecisionStore;
import org.xinfang.routing.persistence.RuleSetStore;
import reactor.core.publisher.Mono;

/** The store: Boot does not configure the bare reactive driver, so the client is declared here. */
@Configuration(proxyBeanMethods = false)
class StoreConfig {

    private static final Logger log = LoggerFactory.getLogger(StoreConfig.class);

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoSettings settings) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(settings.uri()))
                // A store that is down must fail a delivery quickly so the consumer backs off, not hang for 30 s.
                .applyToClusterSettings(c -> c.serverSelectionTimeout(3, TimeUnit.SECONDS))
                // A store that accepts but stops answering fails the call instead of holding it (and its connection)
                // for ever: xinfang.mongo.read-timeout (MONGO_READ_TIMEOUT).
                .applyToSocketSettings(s -> s.connectTimeout(2, TimeUnit.SECONDS)
                        .readTimeout(Math.toIntExact(settings.readTimeout().toMillis()), TimeUnit.MILLISECONDS))
                // A decision is published only once it is durable, or a crash could publish one that is then lost.
                .writeConcern(WriteConcern.MAJORITY.withJournal(true))
                .build());
    }

    @Bean
    MongoDatabase routingDatabase(MongoClient client, MongoSettings settings) {
        return client.getDatabase(settings.database());
    }

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

    /** Part of readiness: without the store no decision can be made durable. */
    @Bean
    ReactiveHealthIndicator storeHealthIndicator(MongoDatabase database, MongoSettings settings) {
        return () -> Mono.from(database.runCommand(new Document("ping", 1)))
                .map(ok -> Health.up().withDetail("database", settings.database()).build())
                .timeout(Duration.ofSeconds(3))
                .onErrorResume(e -> Mono.just(Health.down().withDetail("error", e.getClass().getSimpleName()).build()));
    }
}
