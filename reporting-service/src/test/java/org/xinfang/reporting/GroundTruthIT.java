package org.xinfang.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.localstack.testing.Infrastructure;
import tools.jackson.databind.JsonNode;

/**
 * Several thousand generated petitions across three schools, their events shuffled across topics, a tenth of them
 * duplicated, the first half replayed, and the service stopped and started again in the middle: every figure the
 * service answers equals the truth computed from the generated history by the test's own code, in the districts'
 * zone, with receipts close to midnight in Beijing and in UTC. Then a rebuild from the topics gives the same figures.
 */
class GroundTruthIT {

    private static final String DISTRICT = "d-truth-" + UUID.randomUUID().toString().substring(0, 8);
    private static final List<String> SCHOOLS = List.of("s-north-01", "s-north-02", "s-north-03");
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 11, 1);
    private static final int DAYS = 120;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Map<String, Object> SETTINGS = Map.of("logging.level.org.xinfang.reporting.messaging", "DEBUG",
            "xinfang.reporting.zone", ZONE.getId(), "xinfang.reporting.operators", Tokens.OPERATOR);

    @Test
    void figuresEqualTheTruthThroughDuplicatesReplaysAndARestart() {
        History history = new History(DISTRICT, SCHOOLS, ZONE, 3000, FIRST_DAY, DAYS, 20261128L);
        // Enough receipts fall on another day in Beijing than in UTC for a day counted in the wrong zone to show.
        assertThat(history.petitions.stream()
                .filter(p -> !p.day().equals(LocalDate.ofInstant(p.receivedAt(), java.time.ZoneOffset.UTC))).count())
                .isGreaterThan(300);
        Random random = new Random(11);
        List<History.Published> stream = new ArrayList<>(history.events);
        for (History.Published event : history.events) {
            if (random.nextInt(10) == 0) {
                stream.add(event);
            }
        }
        Collections.shuffle(stream, random);
        int half = stream.size() / 2;

        try (KafkaProducer<String, byte[]> producer = producer()) {
            try (RunningService first = RunningService.start("reporting_truth", SETTINGS)) {
                publish(producer, stream.subList(0, half));
                // Stop while folding is under way: whatever was not committed is folded again after the restart.
                awaitSome(first);
            }
            publish(producer, stream.subList(half, stream.size()));
            publish(producer, stream.subList(0, half / 2)); // a replay of part of the history
            try (RunningService second = RunningService.start("reporting_truth", SETTINGS)) {
                LocalDate last = FIRST_DAY.plusDays(DAYS - 1);
                awaitEqual(second, history, null, FIRST_DAY, last);
                for (String school : SCHOOLS) {
                    assertEqual(second, history, school, FIRST_DAY, last);
                }
                assertEqual(second, history, null, LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31));
                assertEqual(second, history, null, LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 4));
                for (LocalDate day : List.of(FIRST_DAY, LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 1))) {
                    assertEqual(second, history, null, day, day);
                }
                assertTheBureauKnowsItsSchools(second);
                assertEqual(second, history, SCHOOLS.get(1), LocalDate.of(2025, 11, 17), LocalDate.of(2026, 2, 3));
                assertEqual(second, history, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

                // The rebuild replays every district: an operator's action, refused to the bureau and to a district's
                // own administrator, of this district or another.
                for (String refused : List.of(Tokens.bureau(DISTRICT), Tokens.administrator(DISTRICT),
                        Tokens.administrator("d-west"))) {
                    assertThat(second.send("/api/v1/admin/rebuild", Tokens.asHeaders(refused),
                            HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(403);
                }
                HttpResponse<String> rebuilt = second.send("/api/v1/admin/rebuild", Tokens.asHeaders(Tokens.operator()),
                        HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.noBody()));
                assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
                assertThat(rebuilt.body()).contains("\"generation\":2");
                assertEqual(second, history, null, FIRST_DAY, last);
                assertEqual(second, history, SCHOOLS.get(2), FIRST_DAY, last);
                assertTheBureauKnowsItsSchools(second);
                assertEqual(second, history, null, LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31));
            }
        }
    }

    /** The district's schools, learned from the receipts, survive a restart and are learned again by a rebuild. */
    private static void assertTheBureauKnowsItsSchools(RunningService service) {
        Map<String, String> bureau = Tokens.asHeaders(Tokens.bureau(DISTRICT));
        for (String school : SCHOOLS) {
            assertThat(service.send("/api/v1/reports/schools/" + school, bureau, HttpRequest.newBuilder().GET())
                    .statusCode()).as(school).isEqualTo(200);
        }
        assertThat(service.send("/api/v1/reports/schools/s-north-99", bureau, HttpRequest.newBuilder().GET())
                .statusCode()).isEqualTo(404);
    }

    private static void awaitSome(RunningService service) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode report = service.get(path(null, FIRST_DAY, FIRST_DAY.plusDays(DAYS - 1)), Tokens.asHeaders(Tokens.bureau(DISTRICT)));
            if (report.path("totals").path("received").asLong() > 0) {
                return;
            }
            sleep();
        }
        throw new AssertionError("nothing folded within a minute");
    }

    private static void awaitEqual(RunningService service, History history, String school, LocalDate from, LocalDate to) {
        Map<String, Object> truth = history.truth(school, from, to);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        Map<String, Object> actual = null;
        while (Instant.now().isBefore(deadline)) {
            actual = figures(service, school, from, to);
            if (actual.equals(truth)) {
                return;
            }
            sleep();
        }
        assertThat(actual).as("figures for %s %s..%s", school, from, to).isEqualTo(truth);
    }

    private static void assertEqual(RunningService service, History history, String school, LocalDate from, LocalDate to) {
        assertThat(figures(service, school, from, to)).as("figures for %s %s..%s", school, from, to)
                .isEqualTo(history.truth(school, from, to));
    }

    /** The answer in the truth's shape: zero totals and empty dimensions dropped, timings as [measured, p50, p90]. */
    private static Map<String, Object> figures(RunningService service, String school, LocalDate from, LocalDate to) {
        Map<String, String> headers = Tokens.asHeaders(school == null ? Tokens.bureau(DISTRICT) : Tokens.clerk(DISTRICT, school));
        JsonNode report = service.get(path(school, from, to), headers);
        Map<String, Long> totals = new TreeMap<>();
        report.path("totals").properties().forEach(e -> {
            if (e.getValue().asLong() != 0 || "received".equals(e.getKey())) {
                totals.put(e.getKey(), e.getValue().asLong());
            }
        });
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        report.path("counts").properties().forEach(d -> {
            Map<String, Long> values = new TreeMap<>();
            d.getValue().properties().forEach(v -> values.put(v.getKey(), v.getValue().asLong()));
            if (!values.isEmpty()) {
                counts.put(d.getKey(), values);
            }
        });
        Map<String, Object> figures = new java.util.LinkedHashMap<>();
        figures.put("totals", totals);
        figures.put("counts", counts);
        for (String timing : List.of("hoursToAccept", "hoursToResolve")) {
            JsonNode t = report.path("timings").path(timing);
            figures.put(timing, List.of(t.path("measured").asInt(), t.path("p50").isNull() ? -1L : t.path("p50").asLong(),
                    t.path("p90").isNull() ? -1L : t.path("p90").asLong()));
        }
        return figures;
    }

    private static String path(String school, LocalDate from, LocalDate to) {
        String base = school == null ? "/api/v1/reports/districts/" + DISTRICT : "/api/v1/reports/schools/" + school;
        return base + "?from=" + from + "&to=" + to;
    }

    private static void publish(KafkaProducer<String, byte[]> producer, List<History.Published> events) {
        for (History.Published p : events) {
            producer.send(new ProducerRecord<>(p.topic().name(), p.topic().keyOf(p.event()), EventJson.write(p.event())));
        }
        producer.flush();
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(props);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
