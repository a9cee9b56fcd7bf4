package org.xinfang.reporting.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.contracts.event.PipelineEvent;
import org.xinfang.reporting.persistence.Generation;
import org.xinfang.reporting.persistence.ReportStores;

/**
 * Replays every input topic from its beginning into a fresh generation of collections, then makes it the live one.
 * The live loop is held off meanwhile (it shares the fold lock); when it resumes it folds again, into the new
 * generation, whatever came after its last commit, which is harmless because folding is idempotent. The previous
 * generation is left in place for comparison.
 */
public final class Rebuilder {

    private static final Logger log = LoggerFactory.getLogger(Rebuilder.class);

    private final Map<String, Object> connection;
    private final int maxPollRecords;
    private final EventFolder folder;
    private final Generation generation;
    private final ReentrantLock foldLock;

    Rebuilder(Map<String, Object> connection, int maxPollRecords, EventFolder folder, Generation generation, ReentrantLock foldLock) {
        this.connection = connection;
        this.maxPollRecords = maxPollRecords;
        this.folder = folder;
        this.generation = generation;
        this.foldLock = foldLock;
    }

    public record Result(long previousGeneration, long generation, long events, long skipped, Duration took) {
    }

    /** Blocks until the replay is done; call it off the request threads. */
    public Result rebuild() {
        foldLock.lock();
        try {
            Instant began = Instant.now();
            long previous = generation.current();
            long next = previous + 1;
            ReportStores.drop(generation, next).block();
            ReportStores stores = ReportStores.of(generation, next);
            folder.forget(stores);
            long events = 0;
            long skipped = 0;
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties())) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : InputTopics.names()) {
                    consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                while (!reached(consumer, end)) {
                    List<PipelineEvent> batch = new ArrayList<>();
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                            continue;
                        }
                        try {
                            if (record.value() != null) {
                                batch.add(InputTopics.read(record));
                            }
                        } catch (RuntimeException unreadable) {
                            // Already sent to dead letters by the live loop when it first met the record.
                            skipped++;
                        }
                    }
                    folder.fold(stores, batch);
                    events += batch.size();
                }
            }
            generation.switchTo(next);
            Result result = new Result(previous, next, events, skipped, Duration.between(began, Instant.now()));
            log.info("rebuild done: {}", result);
            return result;
        } finally {
            foldLock.unlock();
        }
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private Properties properties() {
        Properties props = new Properties();
        props.putAll(connection);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-service-rebuild");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }
}
