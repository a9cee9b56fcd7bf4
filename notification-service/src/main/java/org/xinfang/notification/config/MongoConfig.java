package org.xinfang.notification.config;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinfang.notification.persistence.StoreIndexes;

/** Boot does not configure the bare reactive driver, so the client is declared here. */
@Configuration(proxyBeanMethods = false)
class MongoConfig {

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(@Value("${xinfang.mongo.uri}") String uri,
            @Value("${xinfang.mongo.read-timeout:10s}") Duration readTimeout) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                // Fail a request fast when the store is away, so the consumer retries instead of hanging.
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                // Also when it accepts but stops answering (XINFANG_MONGO_READ_TIMEOUT).
                .applyToSocketSettings(s -> s.connectTimeout(2, TimeUnit.SECONDS)
                        .readTimeout(Math.toIntExact(readTimeout.toMillis()), TimeUnit.MILLISECONDS))
                .build());
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, @Value("${xinfang.mongo.database}") String database) {
        return client.getDatabase(database);
    }

    @Bean
    ApplicationRunner createIndexes(StoreIndexes indexes) {
        return args -> indexes.create().block(Duration.ofSeconds(30));
    }
}
