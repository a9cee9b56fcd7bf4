package org.xinfang.routing.messaging;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.topic.Topic;

/**
 * Sets aside a record that can never be routed, on its topic's dead-letter topic with the reason in headers, so the
 * consumer can carry on. Waits for the broker's ack: the offset is committed only after the letter is safe.
 */
@Component
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaTemplate<String, byte[]> kafka;

    DeadLetters(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    void send(Topic<?> topic, ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(topic.deadLetterName(), record.key(), record.value());
        letter.headers().add("x-dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        letter.headers().add("x-original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        letter.headers().add("x-original-partition", String.valueOf(record.partition()).getBytes(StandardCharsets.UTF_8));
        letter.headers().add("x-original-offset", String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
        letter.headers().add("x-consumer", "routing-service".getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(letter).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            // Thrown to the container: the record is retried, not lost.
            throw new IllegalStateException("dead letter not written to " + topic.deadLetterName(), e);
        }
        log.warn("record {}-{}@{} set aside on {}: {}", record.topic(), record.partition(), record.offset(),
                topic.deadLetterName(), reason);
    }
}
