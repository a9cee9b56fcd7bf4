package org.xinfang.intake.messaging;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.xinfang.intake.persistence.OutboxEntry;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends outbox entries with the idempotent, {@code acks=all} producer configured in application.yml. The key is the
 * petition id, so one petition's events stay in one partition and in order.
 */
@Component
class EventPublisher {

    private final KafkaTemplate<String, byte[]> template;

    EventPublisher(KafkaTemplate<String, byte[]> template) {
        this.template = template;
    }

    /** Completes once the broker acknowledged the record. */
    Mono<Void> send(OutboxEntry entry) {
        // send() may block up to max.block.ms while the broker is unreachable: keep that off the event loop.
        return Mono.defer(() -> Mono.fromFuture(template.send(new ProducerRecord<>(entry.topic(), entry.key(),
                        entry.payload().getBytes(StandardCharsets.UTF_8)))))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }
}
