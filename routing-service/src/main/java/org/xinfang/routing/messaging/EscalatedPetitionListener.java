package org.xinfang.routing.messaging;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.event.PetitionEscalated;
import org.xinfang.contracts.json.EventFormatException;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.kit.messaging.DeadLetters;
import org.xinfang.kit.messaging.PetitionRecords;

/**
 * Consumes escalations on the spot, a poll at a time and in order (a petition escalated twice is decided on the first,
 * then on the second). The offsets are committed after the new decisions are stored and published; an exception
 * leaves them for a retry, which is safe because a decided escalation gets its stored decision back.
 */
@Component
class EscalatedPetitionListener {

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

    private final EscalationRouting routing;
    private final DeadLetters deadLetters;

    EscalatedPetitionListener(EscalationRouting routing, DeadLetters deadLetters) {
        this.routing = routing;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(id = "petition-escalated", topics = "#{T(org.xinfang.contracts.topic.Topics).PETITION_ESCALATED.name()}",
            batch = "true")
    void onEscalated(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            PetitionEscalated escalated;
            try {
                escalated = PetitionRecords.read(record, PetitionEscalated.class);
            } catch (EventFormatException e) {
                deadLetters.send(Topics.PETITION_ESCALATED, record, e.getMessage());
                continue;
            }
            routing.route(escalated).block(STEP_TIMEOUT);
        }
    }
}
