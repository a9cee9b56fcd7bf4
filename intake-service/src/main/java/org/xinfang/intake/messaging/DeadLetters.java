package org.xinfang.intake.messaging;

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

/** Records that cannot be read go to their topic's dead-letter topic, with why in the headers; the consumer carries on. */
@Component
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaTemplate<String, byte[]> template;

    DeadLetters(KafkaTemplate<String, byte[]> template) {
        this.template = template;
    }

    /** Blocks until the dead letter is stored, so the original's offset is committed only after that. */
    void send(Topic<?> topic, ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(topic.deadLetterName(), record.key(), record.value());
        letter.headers().add("x-dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        letter.headers().add("x-original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        letter.headers().add("x-original-partition", String.valueOf(record.partition()).getBytes(StandardCharsets.UTF_8));
        letter.headers().add("x-original-offset", String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            template.send(letter).get(30, TimeUnit.SECONDS);
            log.warn("record {}-{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(),
                    topic.deadLetterName(), reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not dead-letter a record of " + record.topic(), e);
        }
    }
}
