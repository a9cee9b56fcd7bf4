package org.xinfang.notification.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.event.ReportDigestReady;
import org.xinfang.contracts.json.EventFormatException;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.notification.domain.Digest;

/**
 * Consumes reporting's scheduled digests (keyed by district). A record that cannot be read goes to the dead-letter
 * topic with the reason and the consumer carries on; a store or broker failure is retried by the container, and the
 * offset is committed only after the deliveries are stored.
 */
@Component
class DigestConsumer {

    private static final Logger log = LoggerFactory.getLogger(DigestConsumer.class);

    private final DigestDeliverer deliverer;
    private final EventPublisher publisher;

    DigestConsumer(DigestDeliverer deliverer, EventPublisher publisher) {
        this.deliverer = deliverer;
        this.publisher = publisher;
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
            log.warn("unreadable record at {}-{}@{} sent to the dead-letter topic: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            publisher.deadLetter(Topics.REPORT_DIGEST_READY.deadLetterName(), record.key(), record.value(), e.getMessage());
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
