package org.xinfang.reporting.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.contracts.event.DistrictReportUpdated;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.contracts.topic.Topic;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.kit.messaging.DeadLetters;
import org.xinfang.kit.messaging.ProducerReliability;

/**
 * Writes reporting's output to Kafka: district snapshots (keyed by district on the compacted topic, so the latest per
 * district survives), digests and dead letters, held to the kit's {@code ProducerReliability}.
 */
final class ReportPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReportPublisher.class);

    private final KafkaProducer<String, byte[]> producer;

    private final DeadLetters deadLetters;

    ReportPublisher(Map<String, Object> connection, DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        Map<String, Object> props = new HashMap<>(connection);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "reporting-service-publisher");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(ProducerReliability.applyTo(props));
    }

    /** Fire and forget: a lost snapshot is superseded by the next fold's, and the store already holds the figures. */
    void publish(DistrictReportUpdated update) {
        Topic<DistrictReportUpdated> topic = Topics.DISTRICT_REPORT_UPDATED;
        producer.send(new ProducerRecord<>(topic.name(), topic.keyOf(update), EventJson.write(update)), (meta, error) -> {
            if (error != null) {
                log.warn("district snapshot {} for {} not published: {}", update.meta().eventId(),
                        update.meta().district(), error.toString());
            }
        });
    }

    /** Sends a digest (its JSON as claimed) keyed by district, and waits until the broker has it. */
    void publishDigest(String district, byte[] event) throws Exception {
        producer.send(new ProducerRecord<>(Topics.REPORT_DIGEST_READY.name(), district, event)).get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Sets an unreadable record aside on its topic's dead-letter topic, and waits for the broker. */
    void deadLetter(Topic<?> topic, ConsumerRecord<String, byte[]> record, String reason) {
        deadLetters.send(topic, record, reason);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
