package org.xinfang.routing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.annotation.Autowired;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextCustomizerFactories;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.routing.Petitions;
import org.xinfang.routing.RoutingInfrastructure;
import org.xinfang.routing.RoutingIntegrationSupport;

/**
 * Routed events per second end to end: received events published to the real broker as fast as it takes them,
 * routed by the service (read, decide, store, publish, commit), and the routed events read back. Runs only when
 * asked: {@code ./mvnw -B -pl routing-service verify -Drouting.benchmark=true -Dit.test=RoutingThroughputBenchmarkIT
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false [-Drouting.benchmark.events=2000]}.
 */
@SpringBootTest
@DirtiesContext
@ContextCustomizerFactories(RoutingInfrastructure.class)
@EnabledIfSystemProperty(named = "routing.benchmark", matches = "true")
class RoutingThroughputBenchmarkIT {

    private static final Logger log = LoggerFactory.getLogger(RoutingThroughputBenchmarkIT.class);

    @Autowired
    MeterRegistry registry;

    @Test
    void routedEventsPerSecond() throws Exception {
        int events = Integer.getInteger("routing.benchmark.events", 2000);
        String bootstrap = Infrastructure.shared().kafkaBootstrap();
        // A warm-up round first, so the measured one does not include the consumer's join and the JIT's first steps.
        measure(bootstrap, 200);
        double perSecond = measure(bootstrap, events);
        log.info("end to end: {} petitions routed through the broker at {} routed events/s", events, String.format("%.0f", perSecond));
        for (Timer step : registry.find("xinfang.routing.step").timers()) {
            log.info("step {}: mean {} ms, max {} ms over {} batches", step.getId().getTag("step"),
                    String.format("%.2f", step.mean(TimeUnit.MILLISECONDS)), String.format("%.1f", step.max(TimeUnit.MILLISECONDS)),
                    step.count());
        }
        assertThat(perSecond).isPositive();
    }

    private static double measure(String bootstrap, int events) throws Exception {
        List<PetitionReceived> batch = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            batch.add(Petitions.received(i % 3 == 0 ? Form.GROUP : Form.INDIVIDUAL, i % 3 == 0 ? 12 : 1,
                    "家长反映食堂卫生问题", "家长反映学校食堂饭菜变质，孩子吃了以后肚子疼，要求学校整改并公示食材来源。第" + i + "件。"));
        }
        Set<String> pending = new HashSet<>();
        batch.forEach(r -> pending.add(r.meta().eventId()));
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap); KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PETITION_ROUTED.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);

            long started = System.nanoTime();
            for (PetitionReceived received : batch) {
                producer.send(new ProducerRecord<>(Topics.PETITION_RECEIVED.name(), Topics.PETITION_RECEIVED.keyOf(received),
                        EventJson.write(received)));
            }
            producer.flush();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    pending.remove(EventJson.read(record.value(), PetitionRouted.class).receivedEventId());
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(pending).as("petitions not routed within 5 minutes").isEmpty();
            return events / seconds;
        }
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(props);
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(props);
    }
}
