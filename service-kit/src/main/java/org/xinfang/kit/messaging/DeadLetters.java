package org.xinfang.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.contracts.topic.Topic;

/**
 * Sets aside a record that can never be read, on its topic's dead-letter topic, so the consumer can carry on. One
 * header schema in the suite: {@value #CAUSE} (why), {@value #ORIGINAL_TOPIC}, {@value #ORIGINAL_PARTITION},
 * {@value #ORIGINAL_OFFSET} (where it came from), {@value #DEAD_LETTERED_AT} (when, ISO-8601 UTC) and
 * {@value #CONSUMER} (which service). Waits for the broker's acknowledgement, at most {@link #SEND_TIMEOUT}: the
 * original's offset is committed only once the letter is safe, and a send that fails is thrown back to the consumer,
 * which retries the record rather than lose it.
 */
public final class DeadLetters implements AutoCloseable {

    public static final String CAUSE = "x-dead-letter-reason";
    public static final String ORIGINAL_TOPIC = "x-original-topic";
    public static final String ORIGINAL_PARTITION = "x-original-partition";
    public static final String ORIGINAL_OFFSET = "x-original-offset";
    public static final String DEAD_LETTERED_AT = "x-dead-lettered-at";
    public static final String CONSUMER = "x-consumer";

    static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /** Hands a letter to a producer; completes when the broker has it. */
    @FunctionalInterface
    public interface Send {
        CompletableFuture<?> send(ProducerRecord<String, byte[]> letter);
    }

    private final String consumer;
    private final Send producer;
    private final Runnable closer;
    private final Clock clock;

    /** {@code closer} releases the producer when the service stops. */
    public DeadLetters(String consumer, Send producer, Runnable closer, Clock clock) {
        this.consumer = consumer;
        this.producer = producer;
        this.closer = closer;
        this.clock = clock;
    }

    @Override
    public void close() {
        closer.run();
    }

    public void send(Topic<?> topic, ConsumerRecord<String, byte[]> record, String cause) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(topic.deadLetterName(), record.key(), record.value());
        header(letter, CAUSE, cause == null ? "unreadable" : cause);
        header(letter, ORIGINAL_TOPIC, record.topic());
        header(letter, ORIGINAL_PARTITION, String.valueOf(record.partition()));
        header(letter, ORIGINAL_OFFSET, String.valueOf(record.offset()));
        header(letter, DEAD_LETTERED_AT, clock.instant().toString());
        header(letter, CONSUMER, consumer);
        try {
            producer.send(letter).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dead letter not written to " + topic.deadLetterName(), e);
        }
        log.warn("record {}-{}@{} set aside on {}: {}", record.topic(), record.partition(), record.offset(),
                topic.deadLetterName(), cause);
    }

    private static void header(ProducerRecord<String, byte[]> letter, String name, String value) {
        letter.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
