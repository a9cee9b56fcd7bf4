package org.xinfang.intake.config;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinfang.intake.persistence.GateRegister;
import org.xinfang.intake.persistence.IdentityCipher;
import org.xinfang.intake.persistence.PetitionStore;
import reactor.core.publisher.Mono;

/** The store: Boot does not configure the bare reactive driver, so the client is declared here. */
@Configuration(proxyBeanMethods = false)
class StoreConfig {

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoSettings settings) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(settings.uri()))
                // A store that is down must answer 503 quickly, not hold the request for the driver's 30 s default.
                .applyToClusterSettings(c -> c.serverSelectionTimeout(2, TimeUnit.SECONDS))
                // A store that accepts but stops answering fails the call instead of holding it (and its connection)
                // for ever: xinfang.mongo.read-timeout (MONGO_READ_TIMEOUT).
                .applyToSocketSettings(s -> s.connectTimeout(2, TimeUnit.SECONDS)
                        .readTimeout(Math.toIntExact(settings.readTimeout().toMillis()), TimeUnit.MILLISECONDS))
                // 201 means durable: the write is journaled on a majority before it is acknowledged.
                .writeConcern(WriteConcern.MAJORITY.withJournal(true))
                .build());
    }

    @Bean
    IdentityCipher identityCipher(IdentityKeySettings keys) {
        return new IdentityCipher(keys.current(), keys.keys());
    }

    @Bean
    PetitionStore petitionStore(MongoClient client, MongoSettings settings, IdentityCipher cipher) {
        PetitionStore store = new PetitionStore(
                client.getDatabase(settings.database()).getCollection("petitions", Document.class), cipher);
        // Indexes are created at start; a store that is down then is retried by the first write, not fatal here.
        store.ensureIndexes().timeout(Duration.ofSeconds(10)).onErrorComplete().subscribe();
        return store;
    }

    @Bean
    GateRegister gateRegister(MongoClient client, MongoSettings settings, IdentityCipher cipher) {
        return new GateRegister(client.getDatabase(settings.database()).getCollection("gate_entries", Document.class),
                cipher);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Part of readiness: without the store nothing can be registered durably. */
    @Bean
    ReactiveHealthIndicator mongoHealthIndicator(MongoClient client, MongoSettings settings) {
        return () -> Mono.from(client.getDatabase(settings.database()).runCommand(new Document("ping", 1)))
                .map(ok -> Health.up().withDetail("database", settings.database()).build())
                .timeout(Duration.ofSeconds(3))
                .onErrorResume(e -> Mono.just(Health.down().withDetail("error", e.getClass().getSimpleName()).build()));
    }
}
