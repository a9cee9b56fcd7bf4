package org.xinfang.notification.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.event.PetitionStatusChanged;
import org.xinfang.contracts.json.EventFormatException;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.contracts.topic.Topics;

/**
 * Consumes intake's status changes for the deadline watch. Unreadable records go to the dead-letter topic with the
 * reason; store or broker failures are retried by the container, the offset committed after the effect.
 */
@Component
class StatusChangeConsumer {

    private static final Logger log = LoggerFactory.getLogger(StatusChangeConsumer.class);

    private final DeadlineWatch watch;
    private final EventPublisher publisher;

    StatusChangeConsumer(DeadlineWatch watch, EventPublisher publisher) {
        this.watch = watch;
        this.publisher = publisher;
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
            log.warn("unreadable record at {}-{}@{} sent to the dead-letter topic: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            publisher.deadLetter(Topics.PETITION_STATUS_CHANGED.deadLetterName(), record.key(), record.value(),
                    e.getMessage());
            return;
        }
        watch.onStatusChanged(change);
    }
}
