package org.xinfang.notification.config;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Duration;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The store answers a ping; part of readiness, because without it no alert can be stored. */
@Component("store")
class StoreHealth implements ReactiveHealthIndicator {

    private final MongoDatabase database;

    StoreHealth(MongoDatabase database) {
        this.database = database;
    }

    @Override
    public Mono<Health> health() {
        return Mono.from(database.runCommand(new Document("ping", 1)))
                .timeout(Duration.ofSeconds(3))
                .map(ok -> Health.up().withDetail("database", database.getName()).build())
                .onErrorResume(e -> Mono.just(Health.down().withDetail("error", e.getClass().getSimpleName()).build()));
    }
}
