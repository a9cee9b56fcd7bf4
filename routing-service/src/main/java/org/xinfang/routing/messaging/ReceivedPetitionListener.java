package org.xinfang.routing.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.json.EventFormatException;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.kit.messaging.DeadLetters;
import org.xinfang.kit.messaging.PetitionRecords;

/**
 * Consumes received petitions. The container commits a batch's offsets only after this method returns, that is
 * after the decisions are stored and published (ack-mode batch); an exception leaves the offsets for a retry.
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

    /**
     * One poll's records: the unreadable ones set aside first, the rest routed together. A failure retries the whole
     * batch, which is safe because a received event already decided gets its stored decision back.
     */
    @KafkaListener(id = "petition-received", topics = "#{T(org.xinfang.contracts.topic.Topics).PETITION_RECEIVED.name()}",
            batch = "true")
    void onReceived(List<ConsumerRecord<String, byte[]>> records) {
        List<PetitionReceived> readable = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                readable.add(PetitionRecords.read(record, PetitionReceived.class));
            } catch (EventFormatException e) {
                deadLetters.send(Topics.PETITION_RECEIVED, record, e.getMessage());
            }
        }
        if (!readable.isEmpty()) {
            routing.routeAll(readable).block(STEP_TIMEOUT);
        }
    }
}
