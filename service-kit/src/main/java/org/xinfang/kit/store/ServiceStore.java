package org.xinfang.kit.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import reactor.core.publisher.Mono;

/**
 * A service's own database through the reactive driver (Boot does not configure the bare driver): one client with the
 * suite's timeouts ({@link StoreSettings}) and one write concern, majority and journal, so that an acknowledged write,
 * and the event published after it, survive a crash of the store. Adds the {@code store} health indicator (readiness:
 * without its store a service can do nothing durable), {@link IndexCreation} for the indexes its stores declare, and
 * {@link StoreUnavailableAdvice} (503, not 500).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreSettings.class)
@Import(StoreUnavailableAdvice.class)
public class ServiceStore {

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(StoreSettings settings) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(settings.uri()))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(
                        settings.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s
                        .connectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()), TimeUnit.MILLISECONDS)
                        .readTimeout(Math.toIntExact(settings.readTimeout().toMillis()), TimeUnit.MILLISECONDS))
                .writeConcern(WriteConcern.MAJORITY.withJournal(true))
                .build());
    }

    @Bean
    MongoDatabase serviceDatabase(MongoClient client, StoreSettings settings) {
        return client.getDatabase(settings.database());
    }

    @Bean
    IndexCreation indexCreation(ObjectProvider<IndexDeclaration> declarations) {
        return new IndexCreation(declarations);
    }

    /**
     * Named {@code store}: the readiness group of every service lists it. Up when the store answers and the service's
     * indexes exist, so a service started before its store is not sent requests until both hold.
     */
    @Bean("store")
    ReactiveHealthIndicator storeHealth(MongoDatabase database, IndexCreation indexes) {
        return () -> Mono.from(database.runCommand(new Document("ping", 1)))
                .timeout(Duration.ofSeconds(3))
                .map(ok -> indexes.done() ? Health.up().withDetail("database", database.getName()).build()
                        : Health.down().withDetail("database", database.getName())
                                .withDetail("indexes", "being created").build())
                .onErrorResume(e -> Mono.just(Health.down().withDetail("error", e.getClass().getSimpleName()).build()));
    }
}
