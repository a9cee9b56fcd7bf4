package org.xinfang.notification.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.event.PetitionStatusChanged;
import org.xinfang.contracts.json.EventFormatException;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.kit.messaging.DeadLetters;

/**
 * Consumes intake's status changes for the deadline watch. Unreadable records go to the dead-letter topic with the
 * reason; store or broker failures are retried by the container, the offset committed after the effect.
 */
@Component
class StatusChangeConsumer {


    private final DeadlineWatch watch;
    private final DeadLetters deadLetters;

    StatusChangeConsumer(DeadlineWatch watch, DeadLetters deadLetters) {
        this.watch = watch;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(id = "status-changes", idIsGroup = false,
            topics = "#{T(org.xinfang.contracts.topic.Topics).PETITION_STATUS_CHANGED.name()}",
            autoStartup = "${xinfang.notification.status.auto-startup:true}")
    void onRecord(ConsumerRecord<String, byte[]> record) {
        PetitionStatusChanged change;
        try {
            if (record.value() == null) {
                throw new EventFormatException("PetitionStatusChanged: empty record", null);
            }
            change = EventJson.read(record.value(), PetitionStatusChanged.class);
            if (change.meta().petitionId() == null) {
                throw new EventFormatException("PetitionStatusChanged: no petition id", null);
            }
        } catch (EventFormatException e) {
            deadLetters.send(Topics.PETITION_STATUS_CHANGED, record, e.getMessage());
            return;
        }
        watch.onStatusChanged(change);
    }
}
