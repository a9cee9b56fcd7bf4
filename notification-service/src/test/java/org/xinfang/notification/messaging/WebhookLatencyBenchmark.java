package org.xinfang.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xinfang.notification.Fixtures.DISTRICT;
import static org.xinfang.notification.Fixtures.await;
import static org.xinfang.notification.Fixtures.routed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.notification.HttpReceiver;
import org.xinfang.notification.ServiceIT;
import tools.jackson.databind.JsonNode;

/**
 * Not part of the build (the name matches neither test pattern). Run on purpose:
 * {@code ./mvnw -B -pl notification-service verify -Dit.test=WebhookLatencyBenchmark -Dbench.rate=200 -Dbench.seconds=30}.
 * Publishes critical routed events at a fixed rate; one police contact per school has a webhook on a local receiver.
 * Measures, per event, routed event consumed (the alert's raisedAt, set right after the record is read) → webhook
 * received, and routed event published (the record's send time) → webhook received. Writes target/benchmark/.
 */
class WebhookLatencyBenchmark extends ServiceIT {

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private static final Logger log = LoggerFactory.getLogger(WebhookLatencyBenchmark.class);

    @Test
    void routedToWebhookLatencyAtAFixedRate() throws Exception {
        int rate = Integer.getInteger("bench.rate", 200);
        int seconds = Integer.getInteger("bench.seconds", 30);
        int warmup = Integer.getInteger("bench.warmup", 5);
        String school = "s-bench-" + System.currentTimeMillis();
        String path = "/bench/" + school;
        putContact(school, "police", Map.of("role", "POLICE", "name", "派出所值班", "webhookUrl", RECEIVER.url(path)))
                .expectStatus().isOk();

        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        int total = rate * (seconds + warmup);
        Map<String, Instant> publishedAt = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
            long periodMicros = 1_000_000L / rate;
            pacer.scheduleAtFixedRate(() -> {
                if (sent.get() >= total) {
                    return;
                }
                PetitionRouted event = routed(school, EmergencyLevel.CRITICAL, "后勤处", List.of());
                publishedAt.put(event.meta().petitionId(), Instant.now());
                producer.send(new ProducerRecord<>(Topics.PETITION_ROUTED.name(), event.meta().petitionId(),
                        EventJson.write(event)));
                sent.incrementAndGet();
            }, 0, periodMicros, TimeUnit.MICROSECONDS);
            await("every event sent", Duration.ofSeconds(seconds + warmup + 60), () -> sent.get() >= total);
            pacer.shutdown();
        }
        // A saturated service drains its backlog after the load stops: wait for it (bounded), then report what came.
        int drain = Integer.getInteger("bench.drain", 300);
        Instant drainEnd = Instant.now().plusSeconds(drain);
        while (Instant.now().isBefore(drainEnd)
                && RECEIVER.accepted().stream().filter(r -> r.path().equals(path)).count() < total) {
            Thread.sleep(200);
        }

        List<Long> fromConsumed = new ArrayList<>();
        List<Long> fromPublished = new ArrayList<>();
        Instant measureFrom = null;
        List<HttpReceiver.Received> calls = RECEIVER.accepted().stream().filter(r -> r.path().equals(path))
                .sorted(java.util.Comparator.comparing(HttpReceiver.Received::receivedAt)).toList();
        Instant first = calls.get(0).receivedAt();
        measureFrom = first.plusSeconds(warmup);
        for (HttpReceiver.Received call : calls) {
            if (call.receivedAt().isBefore(measureFrom)) {
                continue;
            }
            JsonNode body = EventJson.mapper().readTree(call.body());
            Instant raisedAt = Instant.parse(body.get("raisedAt").asString());
            Instant published = publishedAt.get(body.get("petitionId").asString());
            fromConsumed.add(Duration.between(raisedAt, call.receivedAt()).toNanos() / 1000);
            fromPublished.add(Duration.between(published, call.receivedAt()).toNanos() / 1000);
        }
        Instant last = calls.get(calls.size() - 1).receivedAt();
        double deliveredPerSecond = (calls.size() - 1) / (Duration.between(first, last).toMillis() / 1000.0);
        String report = String.format("offered=%d/s sent=%d delivered=%d, delivered throughput %.1f/s%n"
                        + "measured=%d events (load %ds after %ds warm-up)%n"
                        + "consumed->webhook  p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms%n"
                        + "published->webhook p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms%n",
                rate, total, calls.size(), deliveredPerSecond, fromConsumed.size(), seconds, warmup,
                pct(fromConsumed, 50), pct(fromConsumed, 90), pct(fromConsumed, 99), pct(fromConsumed, 100),
                pct(fromPublished, 50), pct(fromPublished, 90), pct(fromPublished, 99), pct(fromPublished, 100));
        StringBuilder stages = new StringBuilder();
        meters.find("xinfang.notification.routed.stage").timers().forEach(t -> stages.append(String.format(
                "stage %-9s count=%d mean=%.1fms max=%.1fms%n", t.getId().getTag("stage"), t.count(),
                t.mean(TimeUnit.MILLISECONDS), t.max(TimeUnit.MILLISECONDS))));
        report = report + stages;
        log.info("webhook latency benchmark:\n{}", report);
        Path out = Path.of("target/benchmark/webhook-latency.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(fromConsumed).isNotEmpty();
    }

    private static double pct(List<Long> micros, int percentile) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1000.0;
    }
}
