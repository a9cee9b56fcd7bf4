package org.xinfang.notification.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.event.ReportDigestReady;
import org.xinfang.contracts.json.EventFormatException;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.kit.messaging.DeadLetters;
import org.xinfang.notification.domain.Digest;

/**
 * Consumes reporting's scheduled digests (keyed by district). A record that cannot be read goes to the dead-letter
 * topic with the reason and the consumer carries on; a store or broker failure is retried by the container, and the
 * offset is committed only after the deliveries are stored.
 */
@Component
class DigestConsumer {


    private final DigestDeliverer deliverer;
    private final DeadLetters deadLetters;

    DigestConsumer(DigestDeliverer deliverer, DeadLetters deadLetters) {
        this.deliverer = deliverer;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(id = "report-digests", idIsGroup = false,
            topics = "#{T(org.xinfang.contracts.topic.Topics).REPORT_DIGEST_READY.name()}")
    void onRecord(ConsumerRecord<String, byte[]> record) {
        ReportDigestReady event;
        try {
            if (record.value() == null) {
                throw new EventFormatException("ReportDigestReady: empty record", null);
            }
            event = EventJson.read(record.value(), ReportDigestReady.class);
        } catch (EventFormatException e) {
            deadLetters.send(Topics.REPORT_DIGEST_READY, record, e.getMessage());
            return;
        }
        deliverer.deliver(digestOf(event));
    }

    static Digest digestOf(ReportDigestReady event) {
        return new Digest(event.meta().eventId(), event.meta().district(), event.period(), event.from(), event.to(),
                event.totals(), event.counts(), event.overdue().stream()
                        .map(o -> new Digest.Overdue(o.petitionId(), o.school(), o.department(), o.limit(), o.dueAt()))
                        .toList());
    }
}
