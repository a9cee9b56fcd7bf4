package org.xinfang.localstack.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.xinfang.contracts.event.PipelineEvent;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.contracts.topic.Topic;

/**
 * Test access to the registry's topics, typed by {@link Topic}: publish an event, or read what a service published.
 * A test class holds one as {@code @RegisterExtension static final TopicTap tap = Infrastructure.shared().tap();}
 * and it is closed when the class's tests are done. Not in a base class that several test classes extend: the field
 * is made once, and would be closed after the first of them.
 */
public final class TopicTap implements AutoCloseable, AfterAllCallback {

    private final String bootstrap;
    private final KafkaProducer<String, byte[]> producer;

    TopicTap(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(props);
    }

    public <V extends PipelineEvent> void publish(Topic<V> topic, V event) {
        publishRaw(topic.name(), topic.keyOf(event), EventJson.write(event));
    }

    /** Anything at all, for poison-message tests. */
    public void publishRaw(String topicName, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topicName, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publish to " + topicName + " failed", e.getCause());
        }
    }

    /** The first event on the topic (from its beginning) that matches, or an AssertionError after the timeout. */
    public <V extends PipelineEvent> V awaitOne(Topic<V> topic, Predicate<V> match, Duration timeout) {
        List<V> found = scan(topic, match, timeout, true);
        if (found.isEmpty()) {
            throw new AssertionError("no matching event on " + topic.name() + " within " + timeout);
        }
        return found.get(0);
    }

    /** Every matching event that is on the topic by the end of the window; for exactly-once assertions. */
    public <V extends PipelineEvent> List<V> collect(Topic<V> topic, Predicate<V> match, Duration window) {
        return scan(topic, match, window, false);
    }

    /** Raw records of a topic (dead-letter topics hold undecodable bytes) that match, by the end of the window. */
    public List<ConsumerRecord<String, byte[]>> collectRaw(String topicName, Predicate<ConsumerRecord<String, byte[]>> match,
                                                           Duration window) {
        return read(topicName, window, false, match);
    }

    private <V extends PipelineEvent> List<V> scan(Topic<V> topic, Predicate<V> match, Duration window, boolean firstOnly) {
        return read(topic.name(), window, firstOnly, r -> match.test(EventJson.read(r.value(), topic.valueType())))
                .stream().map(r -> EventJson.read(r.value(), topic.valueType())).toList();
    }

    /** Reads the topic from its beginning until the window closes (or the first match, if asked). */
    private List<ConsumerRecord<String, byte[]>> read(String topicName, Duration window, boolean firstOnly,
                                                      Predicate<ConsumerRecord<String, byte[]>> match) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topicName).stream()
                    .map(p -> new TopicPartition(topicName, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant end = Instant.now().plus(window);
            while (Instant.now().isBefore(end)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (match.test(record)) {
                        found.add(record);
                        if (firstOnly) {
                            return found;
                        }
                    }
                }
            }
        }
        return found;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(props);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }
}
