package org.xinfang.intake.messaging;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.json.EventFormatException;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.kit.messaging.DeadLetters;

/**
 * Consumes routing's decisions. The container commits the offset after this method returns (ack-mode record), i.e.
 * after the effect is stored; a store failure throws, and the error handler retries the same record.
 */
@Component
class RoutedListener {

    private static final Duration EFFECT_TIMEOUT = Duration.ofSeconds(30);

    private final RoutingApplier applier;
    private final DeadLetters deadLetters;

    RoutedListener(RoutingApplier applier, DeadLetters deadLetters) {
        this.applier = applier;
        this.deadLetters = deadLetters;
    }

    // The group is spring.kafka.consumer.group-id (the service name), not the listener id.
    @KafkaListener(id = "intake-routed", idIsGroup = false,
            topics = "#{T(org.xinfang.contracts.topic.Topics).PETITION_ROUTED.name()}")
    void onRouted(ConsumerRecord<String, byte[]> record) {
        PetitionRouted routed;
        try {
            if (record.value() == null) {
                throw new EventFormatException("PetitionRouted: empty record", null);
            }
            routed = EventJson.read(record.value(), PetitionRouted.class);
        } catch (EventFormatException unreadable) {
            deadLetters.send(Topics.PETITION_ROUTED, record, unreadable.getMessage());
            return;
        }
        applier.apply(routed).block(EFFECT_TIMEOUT);
    }
}
