package org.xinfang.reporting.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.xinfang.contracts.event.PipelineEvent;
import org.xinfang.reporting.domain.Tally;
import org.xinfang.reporting.domain.TallyKey;
import org.xinfang.reporting.persistence.Generation;
import org.xinfang.reporting.persistence.ReportStores;

/**
 * The live consume-fold-commit loop, on one thread of its own (the folding blocks on the store, which must never
 * happen on a Netty thread). Offsets are committed only after a batch is fully folded; a batch that fails is sought
 * back and folded again after a pause, which the fold's idempotence makes safe. An unreadable record goes to its
 * topic's dead-letter topic and the loop carries on.
 */
public final class FoldingLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FoldingLoop.class);
    private final Map<String, Object> connection;
    private final String group;
    private final String offsetReset;
    private volatile boolean assigned;
    private final int maxPollRecords;
    private final EventFolder folder;
    private final Generation generation;
    private final ReportPublisher publisher;
    private final DistrictUpdates updates;
    private final WebhookDispatcher webhooks;
    private final ReentrantLock foldLock;
    private final Clock clock;
    private final Counter folded;
    private final Counter deadLettered;
    private final Timer batchTimer;
    private volatile boolean running;
    private volatile boolean healthy;
    private Thread thread;
    private KafkaConsumer<String, byte[]> consumer;

    FoldingLoop(Map<String, Object> connection, String group, String offsetReset, int maxPollRecords, EventFolder folder, Generation generation,
                ReportPublisher publisher, DistrictUpdates updates, WebhookDispatcher webhooks, ReentrantLock foldLock, Clock clock,
                MeterRegistry meters) {
        this.connection = connection;
        this.group = group;
        this.offsetReset = offsetReset;
        this.maxPollRecords = maxPollRecords;
        this.folder = folder;
        this.generation = generation;
        this.publisher = publisher;
        this.updates = updates;
        this.webhooks = webhooks;
        this.foldLock = foldLock;
        this.clock = clock;
        this.folded = meters.counter("reporting.events.folded");
        this.deadLettered = meters.counter("reporting.events.dead.lettered");
        this.batchTimer = meters.timer("reporting.fold.batch");
    }

    /** Whether the loop holds its partitions and knows where it reads from. */
    public boolean assigned() {
        return assigned;
    }

    /** Whether the loop is running and its last batch (if any) was folded. */
    public boolean healthy() {
        return running && healthy;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        consumer = new KafkaConsumer<>(consumerProperties());
        running = true;
        healthy = true;
        thread = new Thread(this::run, "report-folding");
        thread.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(20).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        int failures = 0;
        try (KafkaConsumer<String, byte[]> c = consumer) {
            c.subscribe(InputTopics.names(), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    assigned = false;
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // Resolve the starting positions now, so "assigned" means every later record will be read.
                    partitions.forEach(c::position);
                    assigned = true;
                }
            });
            while (running) {
                ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    continue;
                }
                foldLock.lock();
                try {
                    foldAndCommit(c, records);
                    failures = 0;
                    healthy = true;
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    failures++;
                    healthy = false;
                    log.warn("fold of {} records failed (attempt {}), will retry: {}", records.count(), failures, e.toString());
                    folder.forget(ReportStores.of(generation, generation.current()));
                    rewind(c, records);
                    pause(failures);
                } finally {
                    foldLock.unlock();
                }
            }
        } catch (WakeupException stopping) {
            log.info("folding loop stopping");
        } catch (RuntimeException e) {
            healthy = false;
            log.error("folding loop died", e);
        }
    }

    private void foldAndCommit(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
        Timer.Sample sample = Timer.start();
        List<PipelineEvent> events = new ArrayList<>(records.count());
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            next.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            if (record.value() == null) {
                continue;
            }
            try {
                events.add(InputTopics.read(record));
            } catch (RuntimeException unreadable) {
                log.warn("unreadable record {}-{}@{} to dead letters: {}", record.topic(), record.partition(),
                        record.offset(), unreadable.getMessage());
                publisher.deadLetter(InputTopics.of(record.topic()), record, String.valueOf(unreadable.getMessage()));
                deadLettered.increment();
            }
        }
        Map<TallyKey, Tally> districtDays = folder.fold(ReportStores.of(generation, generation.current()), events);
        districtDays.forEach((key, tally) -> {
            var snapshot = DistrictSnapshots.of(key, tally, clock.instant());
            updates.emit(snapshot);
            publisher.publish(snapshot);
            webhooks.dispatch(snapshot);
        });
        c.commitSync(next);
        folded.increment(events.size());
        long nanos = sample.stop(batchTimer);
        log.debug("folded {} events into {} district-days in {} ms", events.size(), districtDays.size(), nanos / 1_000_000);
    }

    /** Puts every partition of the batch back to its first record, so the next poll returns the batch again. */
    private static void rewind(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            c.seek(partition, records.records(partition).get(0).offset());
        }
    }

    private void pause(int failures) {
        try {
            Thread.sleep(Math.min(5_000L, 200L << Math.min(failures, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private Properties consumerProperties() {
        Properties props = new Properties();
        props.putAll(connection);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-service-folder");
        // Offsets move only after a batch is folded: a crash re-folds, never skips.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, offsetReset);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }
}
