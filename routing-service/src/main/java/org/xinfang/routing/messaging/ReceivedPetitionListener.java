package org.xinfang.routing.messaging;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.json.EventFormatException;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.contracts.topic.Topics;

/**
 * Consumes received petitions. The container commits a record's offset only after this method returns, that is
 * after the decision is stored and published (ack-mode record); an exception leaves the offset for a retry.
 */
@Component
class ReceivedPetitionListener {

    /** Bounds one delivery, so a hung store or broker turns into a retry instead of a stuck partition. */
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

    private final PetitionRouting routing;
    private final DeadLetters deadLetters;

    ReceivedPetitionListener(PetitionRouting routing, DeadLetters deadLetters) {
        this.routing = routing;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(id = "petition-received", topics = "#{T(org.xinfang.contracts.topic.Topics).PETITION_RECEIVED.name()}")
    void onReceived(ConsumerRecord<String, byte[]> record) {
        PetitionReceived received;
        try {
            received = read(record);
        } catch (EventFormatException e) {
            deadLetters.send(Topics.PETITION_RECEIVED, record, e.getMessage());
            return;
        }
        MDC.put("requestId", received.meta().eventId());
        try {
            routing.route(received).block(STEP_TIMEOUT);
        } finally {
            MDC.remove("requestId");
        }
    }

    private static PetitionReceived read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new EventFormatException("PetitionReceived: empty record", null);
        }
        PetitionReceived received = EventJson.read(record.value(), PetitionReceived.class);
        if (received.meta().petitionId() == null || received.meta().petitionId().isBlank()) {
            throw new EventFormatException("PetitionReceived: missing meta.petitionId", null);
        }
        return received;
    }
}
