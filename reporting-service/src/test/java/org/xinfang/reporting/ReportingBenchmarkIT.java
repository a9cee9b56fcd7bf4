package org.xinfang.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.event.PipelineEvent;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.contracts.topic.Topic;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.reporting.domain.Grain;
import org.xinfang.reporting.domain.PetitionOutcome;
import org.xinfang.reporting.domain.Period;
import org.xinfang.reporting.domain.Tally;
import org.xinfang.reporting.domain.TallyKey;
import org.xinfang.reporting.persistence.Generation;
import org.xinfang.reporting.persistence.ReportStores;
import reactor.core.Disposable;

/**
 * The numbers reporting is held to, measured on the real broker and store: event to live stream (p50/p99), query
 * latency over a year of figures for 200 schools (p50/p99), and events folded per second. Run on demand:
 * {@code ./mvnw -B -pl reporting-service verify -Dit.test=ReportingBenchmarkIT -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ReportingBenchmarkIT {

    private static final Logger log = LoggerFactory.getLogger(ReportingBenchmarkIT.class);
    private static final int SCHOOLS = 200;

    @Test
    void measure() throws Exception {
        try (RunningService service = RunningService.start("reporting_bench", Map.of());
             KafkaProducer<String, byte[]> producer = producer()) {
            Map<String, String> results = new LinkedHashMap<>();
            results.putAll(liveStreamLatency(service, producer));
            results.putAll(foldThroughput(service, producer));
            results.putAll(queryLatency(service));
            results.forEach((k, v) -> log.info("BENCHMARK {} = {}", k, v));
        }
    }

    private Map<String, String> liveStreamLatency(RunningService service, KafkaProducer<String, byte[]> producer)
            throws InterruptedException {
        String district = "d-live-" + UUID.randomUUID().toString().substring(0, 8);
        BlockingQueue<Long> seen = new LinkedBlockingQueue<>();
        Disposable stream = WebClient.create(service.base()).get()
                .uri("/api/v1/subscriptions/districts/{d}/stream", district).header("Authorization", Tokens.bureau(district))
                .accept(MediaType.TEXT_EVENT_STREAM).retrieve().bodyToFlux(String.class)
                .subscribe(data -> seen.add(System.nanoTime()));
        Thread.sleep(1000);
        List<Long> latencies = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            PetitionReceived event = Events.received(district, "s-" + random.nextInt(SCHOOLS), "p-" + UUID.randomUUID(),
                    Instant.now(), Channel.VISIT, Form.INDIVIDUAL, 1, false);
            long sent = System.nanoTime();
            send(producer, Topics.PETITION_RECEIVED, event);
            producer.flush();
            Long arrived = seen.poll(10, TimeUnit.SECONDS);
            assertThat(arrived).as("snapshot %d on the stream", i).isNotNull();
            latencies.add(arrived - sent);
            seen.clear();
            Thread.sleep(20);
        }
        stream.dispose();
        return Map.of("event->stream p50 ms", ms(percentile(latencies, 50)), "event->stream p99 ms", ms(percentile(latencies, 99)),
                "event->stream max ms", ms(Collections.max(latencies)));
    }

    /** Live-like load: petitions of the last week across 200 schools, each received, routed, accepted and alerted. */
    private Map<String, String> foldThroughput(RunningService service, KafkaProducer<String, byte[]> producer) {
        String district = "d-load-" + UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random(2);
        int petitions = 5000;
        List<Object[]> events = new ArrayList<>();
        // Days as the districts count them (the service's default zone).
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalDate today = LocalDate.now(zone);
        for (int i = 0; i < petitions; i++) {
            Instant at = today.minusDays(random.nextInt(7)).atStartOfDay(zone).toInstant()
                    .plusSeconds(random.nextInt(80_000));
            String school = "s-" + random.nextInt(SCHOOLS);
            String id = "p-" + UUID.randomUUID();
            PetitionReceived r = Events.received(district, school, id, at, Channel.VISIT, Form.GROUP, 6, false);
            events.add(new Object[] {Topics.PETITION_RECEIVED, r});
            events.add(new Object[] {Topics.PETITION_ROUTED, Events.routed(r, at.plusSeconds(5), Subject.HYGIENE, "后勤处",
                    EmergencyLevel.ELEVATED)});
            events.add(new Object[] {Topics.PETITION_STATUS_CHANGED, Events.status(district, school, id,
                    at.plusSeconds(3600), PetitionState.ROUTED, PetitionState.ACCEPTED)});
            events.add(new Object[] {Topics.ALERT_RAISED, Events.alert(district, school, id, at.plusSeconds(6),
                    AlertKind.ACTIVATION_REQUEST)});
        }
        long began = System.nanoTime();
        for (Object[] e : events) {
            send(producer, (Topic<?>) e[0], (PipelineEvent) e[1]);
        }
        producer.flush();
        String path = "/api/v1/reports/districts/" + district + "?from=" + today.minusDays(7) + "&to=" + today;
        Map<String, String> headers = Tokens.asHeaders(Tokens.bureau(district));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (Instant.now().isBefore(deadline)) {
            var totals = service.get(path, headers).path("totals");
            if (totals.path("accepted").asLong() == petitions && totals.path("alerts").asLong() == petitions
                    && totals.path("routed").asLong() == petitions) {
                break;
            }
            sleep(100);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        assertThat(service.get(path, headers).path("totals").path("accepted").asLong()).isEqualTo(petitions);
        return Map.of("fold events", String.valueOf(events.size()), "fold seconds", String.format("%.1f", seconds),
                "fold events/s", String.format("%.0f", events.size() / seconds));
    }

    /** A year of figures for 200 schools written straight into the store, then district and school questions over it. */
    private Map<String, String> queryLatency(RunningService service) {
        String district = "d-year-" + UUID.randomUUID().toString().substring(0, 8);
        Generation generation = service.bean(Generation.class);
        ReportStores stores = ReportStores.of(generation, generation.current());
        Random random = new Random(3);
        LocalDate first = LocalDate.of(2025, 1, 1);
        long seedBegan = System.nanoTime();
        Map<TallyKey, Tally> districtDays = new LinkedHashMap<>();
        List<String> schools = new ArrayList<>();
        for (int s = 0; s < SCHOOLS; s++) {
            schools.add("s-" + s);
        }
        for (LocalDate day = first; day.getYear() == 2025; day = day.plusDays(1)) {
            Map<TallyKey, Tally> schoolDays = new LinkedHashMap<>();
            Tally districtDay = new Tally();
            for (String school : schools) {
                Tally tally = new Tally();
                for (int n = random.nextInt(3); n > 0; n--) {
                    tally.add(outcome(random, district, school, day));
                }
                schoolDays.put(TallyKey.ofSchool(district, school, new Period(Grain.DAY, day)), tally);
                districtDay.merge(tally);
            }
            stores.tallies().save(schoolDays).block();
            districtDays.put(TallyKey.ofDistrict(district, new Period(Grain.DAY, day)), districtDay);
        }
        stores.tallies().save(districtDays).block();
        for (Grain grain : new Grain[] {Grain.WEEK, Grain.MONTH, Grain.YEAR}) {
            Map<TallyKey, Tally> rollups = new LinkedHashMap<>();
            for (LocalDate day = first; day.getYear() == 2025; day = day.plusDays(1)) {
                TallyKey key = TallyKey.ofDistrict(district, Period.containing(grain, day));
                Tally sum = rollups.computeIfAbsent(key, k -> new Tally());
                if (grain == Grain.YEAR || grain == Grain.MONTH || grain == Grain.WEEK) {
                    sum.merge(districtDays.get(TallyKey.ofDistrict(district, new Period(Grain.DAY, day))));
                }
            }
            stores.tallies().save(rollups).block();
        }
        double seedSeconds = (System.nanoTime() - seedBegan) / 1e9;

        Map<String, String> headers = Tokens.asHeaders(Tokens.bureau(district));
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            LocalDate from = first.plusDays(random.nextInt(300));
            LocalDate to = from.plusDays(random.nextInt(365 - from.getDayOfYear() + 1));
            paths.add(switch (i % 4) {
                case 0 -> "/api/v1/reports/districts/" + district + "?from=2025-01-01&to=2025-12-31";
                case 1 -> "/api/v1/reports/districts/" + district + "?from=" + from.withDayOfMonth(1) + "&to="
                        + from.withDayOfMonth(from.lengthOfMonth());
                case 2 -> "/api/v1/reports/districts/" + district + "?from=" + from + "&to=" + to;
                default -> "/api/v1/reports/districts/" + district + "/top?dimension=school&n=10&from=" + from + "&to=" + to;
            });
        }
        for (int i = 0; i < 50; i++) {
            service.get(paths.get(i), headers); // warm-up
        }
        List<Long> latencies = new ArrayList<>();
        for (String path : paths) {
            long began = System.nanoTime();
            var answer = service.get(path, headers);
            latencies.add(System.nanoTime() - began);
            assertThat(answer.toString()).contains(district);
        }
        long yearReceived = service.get(paths.get(0), headers).path("totals").path("received").asLong();
        return Map.of("query seed seconds", String.format("%.1f", seedSeconds),
                "query year received", String.valueOf(yearReceived),
                "query p50 ms", ms(percentile(latencies, 50)), "query p99 ms", ms(percentile(latencies, 99)));
    }

    private static PetitionOutcome outcome(Random random, String district, String school, LocalDate day) {
        boolean group = random.nextInt(5) == 0;
        boolean accepted = random.nextInt(10) < 8;
        return new PetitionOutcome("p", district, school, day, Channel.values()[random.nextInt(5)].name(),
                group ? "GROUP" : "INDIVIDUAL", group ? 10 : 1, random.nextInt(10) == 0,
                Subject.values()[random.nextInt(30)].name(), History.DEPARTMENTS[random.nextInt(5)],
                EmergencyLevel.values()[random.nextInt(4)].name(), accepted ? "ACCEPTED" : "ROUTED", true, accepted, false,
                false, accepted ? (long) random.nextInt(400) : null, null, accepted ? random.nextInt(10) < 8 : null, null,
                Instant.now(), null, 0, 0, 0, 0, Map.of(), null);
    }

    private static void send(KafkaProducer<String, byte[]> producer, Topic<?> topic, PipelineEvent event) {
        producer.send(new ProducerRecord<>(topic.name(), topic.keyOf(event), EventJson.write(event)));
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String ms(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(props);
    }
}
