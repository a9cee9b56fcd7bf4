package org.xinfang.notification.persistence;

import static org.xinfang.notification.persistence.Documents.date;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Instant;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * How a delivery attempt ends, written by key: delivered, failed (to be tried again) or dead. Alert deliveries and
 * digest deliveries keep their own collections but move through the same states.
 */
final class DeliveryProgress {

    private final MongoCollection<Document> deliveries;

    DeliveryProgress(MongoCollection<Document> deliveries) {
        this.deliveries = deliveries;
    }

    Mono<Void> delivered(String deliveryId, int attempts, Instant at) {
        return update(deliveryId, Updates.combine(Updates.set("state", "DELIVERED"), Updates.set("attempts", attempts),
                Updates.set("deliveredAt", date(at))));
    }

    Mono<Void> failed(String deliveryId, int attempts, String error, Instant nextAttemptAt) {
        return update(deliveryId, Updates.combine(Updates.set("attempts", attempts), Updates.set("lastError", error),
                Updates.set("nextAttemptAt", date(nextAttemptAt))));
    }

    Mono<Void> dead(String deliveryId, int attempts, String error, Instant at) {
        return update(deliveryId, Updates.combine(Updates.set("state", "DEAD"), Updates.set("attempts", attempts),
                Updates.set("lastError", error), Updates.set("deadAt", date(at))));
    }

    private Mono<Void> update(String deliveryId, org.bson.conversions.Bson change) {
        return Mono.from(deliveries.updateOne(Filters.eq("_id", deliveryId), change)).then();
    }
}
