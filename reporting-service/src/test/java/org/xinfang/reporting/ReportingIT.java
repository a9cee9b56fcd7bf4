package org.xinfang.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Map;
import org.xinfang.reporting.domain.WebhookSignature;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.xinfang.contracts.json.EventJson;
import reactor.core.publisher.Flux;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xinfang.reporting.messaging.FoldingLoop;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TopicTap;
import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton of reporting over the real broker and MongoDB-wire store: events from every input topic,
 * with a redelivered receipt and a routing heard before its receipt, are counted exactly once and answered per the
 * API; the snapshot reaches the compacted topic; tenancy and bad input are refused properly.
 */
@ReportingServiceTest
class ReportingIT {

    private static final String DISTRICT = "d-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String SCHOOL = "s-east-01";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    @RegisterExtension
    static final TopicTap tap = Infrastructure.shared().tap();

    @Autowired
    WebTestClient web;

    @Autowired
    MongoDatabase database;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("xinfang.reporting.webhook-first-backoff", () -> "100ms");
        registry.add("xinfang.reporting.zone", ZONE::getId);
    }

    @Autowired
    FoldingLoop folding;

    @BeforeEach
    void awaitPartitions() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!folding.assigned() && Instant.now().isBefore(deadline)) {
            sleep(50);
        }
        assertThat(folding.assigned()).as("folding loop holds its partitions").isTrue();
    }

    @Test
    void everyEventCountsOnceWhateverTheOrderOrRedelivery() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String group = "p-" + UUID.randomUUID();
        PetitionReceived received = Events.received(DISTRICT, SCHOOL, group, now, Channel.VISIT, Form.GROUP, 12, false);
        String single = "p-" + UUID.randomUUID();
        PetitionReceived individual = Events.received(DISTRICT, SCHOOL, single, now, Channel.PHONE, Form.INDIVIDUAL, 1, true);

        // The individual petition's routing is heard before its receipt (another topic, another partition).
        tap.publish(Topics.PETITION_ROUTED, Events.routed(individual, now.plusSeconds(5), Subject.TRANSFER, "教导处",
                EmergencyLevel.ROUTINE));
        tap.publish(Topics.PETITION_RECEIVED, received);
        tap.publish(Topics.PETITION_RECEIVED, received); // redelivered
        tap.publish(Topics.PETITION_RECEIVED, individual);
        tap.publish(Topics.PETITION_ROUTED, Events.routed(received, now.plusSeconds(3), Subject.HYGIENE, "后勤处",
                EmergencyLevel.ELEVATED));
        var accepted = Events.status(DISTRICT, SCHOOL, group, now.plus(Duration.ofHours(5)), PetitionState.ROUTED,
                PetitionState.ACCEPTED);
        tap.publish(Topics.PETITION_STATUS_CHANGED, accepted);
        tap.publish(Topics.PETITION_STATUS_CHANGED, accepted); // redelivered
        var alert = Events.alert(DISTRICT, SCHOOL, group, now.plusSeconds(4), AlertKind.ACTIVATION_REQUEST);
        tap.publish(Topics.ALERT_RAISED, alert);
        tap.publish(Topics.ALERT_RAISED, alert);
        tap.publish(Topics.EMERGENCY_ACTIVATION_DECIDED,
                Events.emergencyDecided(DISTRICT, SCHOOL, group, now.plusSeconds(60), "inc-1", true));
        tap.publish(Topics.EMERGENCY_ACTIVATION_REQUESTED,
                Events.emergencyRequested(DISTRICT, SCHOOL, group, now.plusSeconds(4), "inc-1"));

        JsonNode report = awaitReport(r -> r.path("totals").path("accepted").asLong() == 1
                && r.path("totals").path("routed").asLong() == 2 && r.path("totals").path("alerts").asLong() == 1
                && r.path("totals").path("emergenciesRequested").asLong() == 1);
        JsonNode totals = report.path("totals");
        assertThat(report.path("district").asString()).isEqualTo(DISTRICT);
        assertThat(totals.path("received").asLong()).isEqualTo(2);
        assertThat(totals.path("groupPetitions").asLong()).isEqualTo(1);
        assertThat(totals.path("groupHeadcount").asLong()).isEqualTo(12);
        assertThat(totals.path("escalated").asLong()).isEqualTo(1);
        assertThat(totals.path("acceptDeadlineMet").asLong()).isEqualTo(1);
        assertThat(totals.path("openEmergencies").asLong()).isEqualTo(1);
        assertThat(totals.path("emergenciesApproved").asLong()).isEqualTo(1);
        JsonNode counts = report.path("counts");
        assertThat(counts.path("school").path(SCHOOL).asLong()).isEqualTo(2);
        assertThat(counts.path("form").path("GROUP").asLong()).isEqualTo(1);
        assertThat(counts.path("form").path("INDIVIDUAL").asLong()).isEqualTo(1);
        assertThat(counts.path("level").path("ELEVATED").asLong()).isEqualTo(1);
        assertThat(counts.path("level").path("ROUTINE").asLong()).isEqualTo(1);
        assertThat(counts.path("subject").path("HYGIENE").asLong()).isEqualTo(1);
        assertThat(counts.path("department").path("教导处").asLong()).isEqualTo(1);
        assertThat(counts.path("state").path("ACCEPTED").asLong()).isEqualTo(1);
        assertThat(counts.path("state").path("ROUTED").asLong()).isEqualTo(1);
        assertThat(counts.path("channel").path("VISIT").asLong()).isEqualTo(1);
        assertThat(report.path("timings").path("hoursToAccept").path("p50").asLong()).isEqualTo(5);

        var snapshot = tap.awaitOne(Topics.DISTRICT_REPORT_UPDATED,
                u -> u.meta().district().equals(DISTRICT) && u.totals().getOrDefault("accepted", 0L) == 1,
                Duration.ofSeconds(20));
        assertThat(snapshot.day()).isEqualTo(LocalDate.ofInstant(now, ZONE));
        assertThat(snapshot.counts().get("school")).containsEntry(SCHOOL, 2L);

        web.get().uri("/api/v1/reports/schools/{school}", SCHOOL).header("Authorization", Tokens.clerk(DISTRICT, SCHOOL))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.totals.received").isEqualTo(2);
    }

    @Test
    void anotherDistrictIsNotFoundAndBadInputIsAProblem() {
        web.get().uri("/api/v1/reports/districts/{d}", DISTRICT).header("Authorization", Tokens.bureau("d-other"))
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        // The old tenancy headers name nobody: without a token the answer is 401, whatever they say.
        web.get().uri("/api/v1/reports/districts/{d}", DISTRICT).header("X-District", DISTRICT)
                .exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/reports/districts/{d}?from=2026-13-01", DISTRICT).header("Authorization", Tokens.bureau(DISTRICT))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
        web.get().uri("/api/v1/reports/districts/{d}?from=2026-02-01&to=2026-01-01", DISTRICT).header("Authorization", Tokens.bureau(DISTRICT))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
        web.get().uri("/api/v1/reports/schools/{s}", SCHOOL).header("Authorization", Tokens.clerk(DISTRICT, "s-other"))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void healthProbesAndMetricsAreServedWithARequestId() {
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        web.mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
        web.get().uri("/api/v1/reports/districts/{d}", DISTRICT).header("Authorization", Tokens.bureau(DISTRICT))
                .header("X-Request-Id", "req-42").exchange()
                .expectStatus().isOk().expectHeader().valueEquals("X-Request-Id", "req-42");
    }

    @Test
    void theLiveStreamShowsAFoldedEventAtOnce() {
        String district = "d-sse-" + UUID.randomUUID().toString().substring(0, 8);
        var body = web.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/api/v1/subscriptions/districts/{d}/stream", district).header("Authorization", Tokens.bureau(district))
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody();
        tap.publish(Topics.PETITION_RECEIVED, Events.received(district, SCHOOL, "p-" + UUID.randomUUID(), Instant.now(),
                Channel.ONLINE, Form.INDIVIDUAL, 1, false));
        String first = body.filter(data -> data.contains("\"received\":1")).blockFirst(Duration.ofSeconds(20));
        assertThat(first).contains(district).contains("\"school\":{\"" + SCHOOL + "\":1}");

        web.get().uri("/api/v1/subscriptions/districts/{d}/stream", district).header("Authorization", Tokens.bureau(DISTRICT))
                .exchange().expectStatus().isNotFound();
    }

    /**
     * What a petitioner might reveal (names, phone numbers, free text that could hold them) appears nowhere reporting
     * keeps or says: not in any collection, not on the snapshot topic, not in any answer.
     */
    @Test
    void noPetitionerIdentityInTheStoreEventsOrAnswers() {
        String district = "d-id-" + UUID.randomUUID().toString().substring(0, 8);
        String petitionId = "p-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        PetitionReceived base = Events.received(district, SCHOOL, petitionId, now, Channel.VISIT, Form.GROUP, 8, true);
        PetitionReceived revealing = new PetitionReceived(base.meta(), base.channel(), base.form(), base.headcount(),
                base.escalated(), false, base.petitionerRelations(), null, "张三丰投诉",
                "张三丰（电话13912345678，身份证110101199003071234）带领家长反映问题", "张三丰家门口", now, base.riskSignals());
        tap.publish(Topics.PETITION_RECEIVED, revealing);
        tap.publish(Topics.PETITION_ROUTED, Events.routed(revealing, now.plusSeconds(2), Subject.EDUCATION_FEES, "党支部",
                EmergencyLevel.HIGH));
        List<String> secrets = List.of("张三丰", "13912345678", "110101199003071234", "投诉", "家门口", "身份证");

        web.get().uri("/api/v1/reports/districts/{d}", district).header("Authorization", Tokens.bureau(district)).exchange();
        JsonNode report = awaitReport(district, r -> r.path("totals").path("routed").asLong() == 1);
        assertThat(report.toString()).doesNotContain(secrets);
        String schoolAnswer = web.get().uri("/api/v1/reports/schools/{s}?from=2020-01-01&to=2030-12-31", SCHOOL)
                .header("Authorization", Tokens.clerk(district, SCHOOL)).exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(schoolAnswer).doesNotContain(secrets);

        var snapshot = tap.awaitOne(Topics.DISTRICT_REPORT_UPDATED,
                u -> u.meta().district().equals(district) && u.totals().getOrDefault("routed", 0L) == 1, Duration.ofSeconds(20));
        assertThat(new String(EventJson.write(snapshot), StandardCharsets.UTF_8)).doesNotContain(secrets);

        List<String> stored = new ArrayList<>();
        for (String collection : Flux.from(database.listCollectionNames()).collectList().block()) {
            Flux.from(database.getCollection(collection).find()).map(Document::toJson).toIterable().forEach(stored::add);
        }
        assertThat(stored).anyMatch(json -> json.contains(petitionId)); // the scan did see this petition's facts
        assertThat(stored).allSatisfy(json -> assertThat(json).doesNotContain(secrets)
                .doesNotContain("\"title\"", "\"description\"", "\"place\"", "\"name\"", "\"phone\"", "\"petitioners\""));
    }

    @Test
    void queriesAnswerTopNGroupByOverdueAndCsv() {
        String district = "d-q-" + UUID.randomUUID().toString().substring(0, 8);
        Instant longAgo = Instant.now().minus(Duration.ofDays(100)).truncatedTo(ChronoUnit.SECONDS);
        LocalDate day = LocalDate.ofInstant(longAgo, ZONE);
        String waitingDecision = "p-wait-" + UUID.randomUUID();
        String waitingAnswer = "p-answer-" + UUID.randomUUID();
        String answered = "p-done-" + UUID.randomUUID();
        for (String id : List.of(waitingDecision, waitingAnswer, answered)) {
            PetitionReceived r = Events.received(district, id.equals(answered) ? "s-b" : "s-a", id, longAgo,
                    Channel.LETTER, Form.INDIVIDUAL, 1, false);
            tap.publish(Topics.PETITION_RECEIVED, r);
            tap.publish(Topics.PETITION_ROUTED, Events.routed(r, longAgo.plusSeconds(10), Subject.EDUCATION_FEES, "党支部",
                    EmergencyLevel.ROUTINE));
        }
        for (String id : List.of(waitingAnswer, answered)) {
            tap.publish(Topics.PETITION_STATUS_CHANGED, Events.status(district, id.equals(answered) ? "s-b" : "s-a", id,
                    longAgo.plus(Duration.ofDays(2)), PetitionState.ROUTED, PetitionState.ACCEPTED));
        }
        tap.publish(Topics.PETITION_STATUS_CHANGED, Events.status(district, "s-b", answered,
                longAgo.plus(Duration.ofDays(20)), PetitionState.ACCEPTED, PetitionState.RESOLVED));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode overdue = null;
        while (Instant.now().isBefore(deadline)) {
            overdue = web.get().uri("/api/v1/reports/districts/{d}/overdue", district).header("Authorization", Tokens.bureau(district))
                    .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            // Done when every event is folded: the answered petition gone, the other two at their stages.
            if (overdue.path("petitions").findValuesAsString("stage").equals(List.of("ACCEPT", "HANDLE"))) {
                break;
            }
            sleep(100);
        }
        assertThat(overdue.path("petitions").size()).as(String.valueOf(overdue)).isEqualTo(2);
        assertThat(overdue.path("petitions").get(0).path("petitionId").asString()).isEqualTo(waitingDecision);
        assertThat(overdue.path("petitions").get(0).path("stage").asString()).isEqualTo("ACCEPT");
        assertThat(overdue.path("petitions").get(0).path("department").asString()).isEqualTo("党支部");
        assertThat(overdue.path("petitions").get(1).path("petitionId").asString()).isEqualTo(waitingAnswer);
        assertThat(overdue.path("petitions").get(1).path("stage").asString()).isEqualTo("HANDLE");
        web.get().uri("/api/v1/reports/schools/s-b/overdue").header("Authorization", Tokens.clerk(district, "s-b"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.petitions.length()").isEqualTo(0);

        awaitReport(district, day, r -> r.path("totals").path("resolved").asLong() == 1);
        web.get().uri("/api/v1/reports/districts/{d}/top?dimension=school&n=1&from={f}&to={t}", district, day, day)
                .header("Authorization", Tokens.bureau(district)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.top.length()").isEqualTo(1)
                .jsonPath("$.top[0].value").isEqualTo("s-a")
                .jsonPath("$.top[0].count").isEqualTo(2);
        web.get().uri("/api/v1/reports/districts/{d}/top?dimension=petitioner", district).header("Authorization", Tokens.bureau(district))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("dimension");
        web.get().uri("/api/v1/reports/districts/{d}?from={f}&to={t}&groupBy=school,subject", district, day, day)
                .header("Authorization", Tokens.bureau(district)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.counts.school.s-a").isEqualTo(2)
                .jsonPath("$.counts.subject.EDUCATION_FEES").isEqualTo(3)
                .jsonPath("$.counts.form").doesNotExist();
        String csv = web.get().uri("/api/v1/reports/districts/{d}/export.csv?from={f}&to={t}&grain=WEEK", district,
                        day.minusDays(7), day.plusDays(7)).header("Authorization", Tokens.bureau(district)).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(String.class).returnResult().getResponseBody();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("from,to,received,");
        assertThat(lines).hasSizeBetween(3, 5);
        assertThat(lines.stream().skip(1).mapToLong(l -> Long.parseLong(l.split(",")[2])).sum()).isEqualTo(3);
    }

    /**
     * 23:30 UTC is 07:30 the next morning in Beijing: the petition counts on the district's day, and in that day's
     * week, month and year. New Year's Eve and a Sunday night, so the day, month and year change, and then the week.
     */
    @Test
    void aPetitionCountsOnTheDistrictsDayWeekMonthAndYear() {
        String district = "d-zone-" + UUID.randomUUID().toString().substring(0, 8);
        Instant newYearsEve = Instant.parse("2025-12-31T23:30:00Z");
        Instant sundayNight = Instant.parse("2026-03-01T23:30:00Z");
        for (Instant at : List.of(newYearsEve, sundayNight)) {
            PetitionReceived r = Events.received(district, SCHOOL, "p-" + UUID.randomUUID(), at, Channel.PHONE,
                    Form.INDIVIDUAL, 1, false);
            tap.publish(Topics.PETITION_RECEIVED, r);
            tap.publish(Topics.PETITION_STATUS_CHANGED, Events.status(district, SCHOOL, r.meta().petitionId(),
                    at.plus(Duration.ofHours(2)), PetitionState.ROUTED, PetitionState.ACCEPTED));
        }
        awaitReport(district, LocalDate.of(2026, 3, 2), r -> r.path("totals").path("accepted").asLong() == 1);
        JsonNode newYearsDay = awaitReport(district, LocalDate.of(2026, 1, 1),
                r -> r.path("totals").path("accepted").asLong() == 1);
        assertThat(newYearsDay.path("timings").path("hoursToAccept").path("p50").asLong()).isEqualTo(2);

        // Receipts and status changes come on topics of their own: wait until both receipts are folded.
        awaitReceived(district, "2026-01-01", "2026-12-31", 2);
        assertThat(received(district, "2025-12-31", "2025-12-31")).isZero();
        assertThat(received(district, "2025-12-01", "2025-12-31")).as("December, a month").isZero();
        assertThat(received(district, "2025-01-01", "2025-12-31")).as("2025, a year").isZero();
        assertThat(received(district, "2026-01-01", "2026-01-31")).as("January, a month").isEqualTo(1);
        assertThat(received(district, "2026-01-01", "2026-12-31")).as("2026, a year").isEqualTo(2);
        assertThat(received(district, "2026-03-01", "2026-03-01")).isZero();
        assertThat(received(district, "2026-02-23", "2026-03-01")).as("the week of Sunday 1 March").isZero();
        assertThat(received(district, "2026-03-02", "2026-03-08")).as("the week from Monday 2 March").isEqualTo(1);
        String csv = web.get().uri("/api/v1/reports/districts/{d}/export.csv?from=2025-12-29&to=2026-03-08&grain=WEEK",
                        district).header("Authorization", Tokens.bureau(district)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.lines().filter(l -> l.matches("^[0-9-]+,[0-9-]+,1,.*")).map(l -> l.substring(0, 21)).toList())
                .containsExactly("2025-12-29,2026-01-04", "2026-03-02,2026-03-08");
    }

    /**
     * The bureau's spreadsheets: the report, the ranking and the overdue list answer CSV on the same endpoints when
     * asked with {@code Accept: text/csv}, UTF-8 with a byte-order mark, Chinese headers, schools and departments by
     * name, deadlines in Beijing time, no identity; {@code Accept: * / *} and none still answer JSON.
     */
    @Test
    void theBureausFiguresAnswerCsvInChineseWhenAskedFor() {
        String district = "d-csv-" + UUID.randomUUID().toString().substring(0, 8);
        Instant longAgo = Instant.parse("2026-01-05T16:30:00Z"); // 00:30 on 6 January in Beijing
        LocalDate day = LocalDate.of(2026, 1, 6);
        PetitionReceived plain = Events.received(district, "s-csv-1", "p-csv-" + UUID.randomUUID(), longAgo,
                Channel.VISIT, Form.GROUP, 12, false);
        PetitionReceived named = new PetitionReceived(plain.meta(), plain.channel(), plain.form(), plain.headcount(),
                plain.escalated(), plain.anonymous(), plain.petitionerRelations(), null, plain.title(),
                plain.description(), plain.place(), plain.receivedAt(), plain.riskSignals(), null, "东区一小〔2026〕3号",
                "东区第一小学");
        tap.publish(Topics.PETITION_RECEIVED, named);
        tap.publish(Topics.PETITION_ROUTED, Events.routed(named, longAgo.plusSeconds(10), Subject.HYGIENE, "LOGISTICS",
                EmergencyLevel.ELEVATED));
        awaitReport(district, day, r -> r.path("totals").path("routed").asLong() == 1);

        web.get().uri("/api/v1/reports/districts/{d}/overdue", district).header("Authorization", Tokens.bureau(district))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.petitions[0].number").isEqualTo("东区一小〔2026〕3号");
        web.get().uri("/api/v1/reports/districts/{d}/schools", district).header("Authorization", Tokens.bureau(district))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.schools[0].school").isEqualTo("s-csv-1")
                .jsonPath("$.schools[0].name").isEqualTo("东区第一小学");

        byte[] report = csv("/api/v1/reports/districts/" + district + "?from=" + day + "&to=" + day, district);
        String text = new String(report, 3, report.length - 3, StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst()).contains("统计期间,分类,项目,数值");
        assertThat(text).contains("2026年1月6日,合计,登记件数,1", "2026年1月6日,学校,东区第一小学,1",
                "2026年1月6日,事项类别,卫生,1", "2026年1月6日,承办部门,后勤处,1", "2026年1月6日,信访形式,集体访,1",
                "2026年1月6日,应急等级,较大（Ⅲ级）,1", "2026年1月6日,信访方式,来访,1");
        assertThat(text).doesNotContain("s-csv-1", "LOGISTICS", "食堂", "学校正门", "东区一小〔2026〕3号");

        String top = new String(csv("/api/v1/reports/districts/" + district + "/top?dimension=school&from=" + day
                + "&to=" + day, district), StandardCharsets.UTF_8);
        assertThat(top).startsWith("\uFEFF统计期间,名次,学校,件数\r\n").contains("2026年1月6日,1,东区第一小学,1");

        String overdue = new String(csv("/api/v1/reports/districts/" + district + "/overdue", district), StandardCharsets.UTF_8);
        // Fifteen days from 00:30 on 6 January, as routing stated it: 00:30 on 21 January in Beijing.
        assertThat(overdue).startsWith("\uFEFF事项编号,学校,承办部门,待办环节,期限,逾期天数,统计时间\r\n")
                .contains("东区一小〔2026〕3号,东区第一小学,后勤处,受理,2026年1月21日 00:30,");

        for (String accept : List.of("*/*", "application/json, text/csv", "text/csv;q=0.5, application/json")) {
            web.get().uri("/api/v1/reports/districts/{d}/overdue", district).header("Authorization", Tokens.bureau(district))
                    .header("Accept", accept).exchange().expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        }
        web.get().uri("/api/v1/reports/districts/{d}/overdue", district).header("Authorization", Tokens.bureau(district))
                .exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        // A refusal stays a problem, whatever was asked for.
        web.get().uri("/api/v1/reports/districts/{d}?from=2026-13-01", district).header("Authorization", Tokens.bureau(district))
                .header("Accept", "text/csv").exchange().expectStatus().isBadRequest();
    }

    private byte[] csv(String path, String district) {
        byte[] body = web.get().uri(path).header("Authorization", Tokens.bureau(district)).header("Accept", "text/csv")
                .exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/csv")
                .expectHeader().value("Content-Disposition", v -> assertThat(v).startsWith("attachment; filename="))
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        return body;
    }

    private void awaitReceived(String district, String from, String to, long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (received(district, from, to) != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long received(String district, String from, String to) {
        return web.get().uri("/api/v1/reports/districts/{d}?from={f}&to={t}", district, from, to)
                .header("Authorization", Tokens.bureau(district)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("totals").path("received").asLong();
    }

    /** A real HTTP receiver that fails the first call: the snapshot still arrives, signed with the subscription's secret. */
    @Test
    void webhooksAreSignedAndRetried() throws Exception {
        String district = "d-hook-" + UUID.randomUUID().toString().substring(0, 8);
        List<String[]> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/bureau", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new String[] {exchange.getRequestHeaders().getFirst("X-Xinfang-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Xinfang-Signature"), body});
            exchange.sendResponseHeaders(calls.size() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/bureau";
            web.post().uri("/api/v1/subscriptions/districts/{d}/webhooks", district).header("Authorization", Tokens.bureau(district))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("url", "ftp://nowhere"))
                    .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("url");
            JsonNode subscribed = web.post().uri("/api/v1/subscriptions/districts/{d}/webhooks", district)
                    .header("Authorization", Tokens.bureau(district)).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("url", url))
                    .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
            String secret = subscribed.path("secret").asString();
            assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
            web.get().uri("/api/v1/subscriptions/districts/{d}/webhooks", district).header("Authorization", Tokens.bureau(district))
                    .exchange().expectStatus().isOk().expectBody(String.class)
                    .value(body -> assertThat(body).contains(url).doesNotContain(secret));

            tap.publish(Topics.PETITION_RECEIVED, Events.received(district, SCHOOL, "p-" + UUID.randomUUID(), Instant.now(),
                    Channel.EMAIL, Form.INDIVIDUAL, 1, false));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (calls.size() < 2 && Instant.now().isBefore(deadline)) {
                sleep(50);
            }
            assertThat(calls).as("first call refused, then retried").hasSizeGreaterThanOrEqualTo(2);
            String[] delivered = calls.get(1);
            assertThat(delivered[1]).isEqualTo(WebhookSignature.sign(secret, Long.parseLong(delivered[0]), delivered[2]));
            assertThat(delivered[2]).contains(district).contains("\"received\":1");
        } finally {
            receiver.stop(0);
        }
    }

    /** A rotated secret signs next to the new one while the overlap lasts; after a rotation without one, the new alone. */
    @Test
    void aRotatedSubscriptionSignsWithBothSecretsDuringTheOverlap() throws Exception {
        String district = "d-rotate-" + UUID.randomUUID().toString().substring(0, 8);
        List<String[]> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/bureau", exchange -> {
            calls.add(new String[] {exchange.getRequestHeaders().getFirst("X-Xinfang-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Xinfang-Signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/bureau";
            String bureau = Tokens.bureau(district);
            JsonNode subscribed = web.post().uri("/api/v1/subscriptions/districts/{d}/webhooks", district)
                    .header("Authorization", bureau).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("url", url))
                    .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
            String id = subscribed.path("id").asString();
            String first = subscribed.path("secret").asString();
            String rotate = "/api/v1/subscriptions/districts/{d}/webhooks/{id}/secret";

            web.post().uri(rotate, district, id).header("Authorization", bureau).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("overlap", "P30D")).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("overlap");
            web.post().uri(rotate, district, id).header("Authorization", bureau).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("url", "http://elsewhere.test")).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("url");
            web.post().uri(rotate, district, "no-such-hook").header("Authorization", bureau).exchange()
                    .expectStatus().isNotFound();

            JsonNode rotated = web.post().uri(rotate, district, id).header("Authorization", bureau)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("overlap", "PT1H"))
                    .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            String second = rotated.path("secret").asString();
            assertThat(second).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(first);
            assertThat(rotated.path("previousSignsUntil").isMissingNode()).isFalse();
            web.get().uri("/api/v1/subscriptions/districts/{d}/webhooks", district).header("Authorization", bureau)
                    .exchange().expectStatus().isOk().expectBody(String.class)
                    .value(body -> assertThat(body).doesNotContain(first).doesNotContain(second));

            String[] during = snapshotWith(district, calls, 1);
            long at = Long.parseLong(during[0]);
            assertThat(during[1]).isEqualTo(WebhookSignature.sign(second, at, during[2]) + ", "
                    + WebhookSignature.sign(first, at, during[2]));

            String third = web.post().uri(rotate, district, id).header("Authorization", bureau)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("overlap", "PT0S"))
                    .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .path("secret").asString();
            String[] after = snapshotWith(district, calls, 2);
            assertThat(after[1]).isEqualTo(WebhookSignature.sign(third, Long.parseLong(after[0]), after[2]));
        } finally {
            receiver.stop(0);
        }
    }

    /** Sends one more receipt of the district and answers the first call whose snapshot counts {@code received}. */
    private String[] snapshotWith(String district, List<String[]> calls, int received) throws InterruptedException {
        tap.publish(Topics.PETITION_RECEIVED, Events.received(district, SCHOOL, "p-" + UUID.randomUUID(), Instant.now(),
                Channel.EMAIL, Form.INDIVIDUAL, 1, false));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            for (String[] call : calls) {
                if (call[2].contains("\"received\":" + received)) {
                    return call;
                }
            }
            sleep(50);
        }
        throw new AssertionError("no snapshot with " + received + " received for " + district);
    }

    private JsonNode awaitReport(Predicate<JsonNode> done) {
        return awaitReport(DISTRICT, done);
    }

    private JsonNode awaitReport(String district, Predicate<JsonNode> done) {
        return awaitReport(district, LocalDate.now(ZONE), done);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode awaitReport(String district, LocalDate day, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = web.get().uri("/api/v1/reports/districts/{d}?from={f}&to={f}", district, day, day)
                    .header("Authorization", Tokens.bureau(district))
                    .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            if (last != null && done.test(last)) {
                return last;
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("report never matched; last: " + last);
    }
}
