package org.xinfang.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xinfang.notification.Fixtures.DISTRICT;
import static org.xinfang.notification.Fixtures.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.event.Deadlines;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.event.PetitionStatusChanged;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.MutableClock;
import org.xinfang.localstack.testing.TestIssuer;
import org.xinfang.localstack.testing.TopicTap;
import org.xinfang.notification.Fixtures;
import org.xinfang.notification.HttpReceiver;
import org.xinfang.notification.NotificationApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.xinfang.notification.persistence.DeadlineStore;

/**
 * The legal limits of routed petitions, on a clock the test moves by days: the responsible department is warned the
 * configured time ahead, the General Office is told when a limit lapses, each once; acceptance, an extension and
 * resolution cancel or move the timers. The scheduled check is off, so only the test fires timers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "xinfang.notification.deadlines.check-interval-ms=3600000",
    "xinfang.notification.deadlines.acceptance-reminders=P3D",
    "xinfang.notification.deadlines.handling-reminders=P7D",
    "xinfang.notification.escalation.sweep-interval-ms=3600000",
    "xinfang.notification.noise.repeat-interval=PT0S",
    // Grouping is proven elsewhere; here a window would be measured on the hand-moved clock.
    "xinfang.notification.noise.group-wait=PT0S"})
@AutoConfigureWebTestClient(timeout = "20s")
class DeadlineWarningIT {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2027-01-04T00:00:00Z"));
    static final HttpReceiver RECEIVER = new HttpReceiver();
    private static TopicTap tap;

    @TestConfiguration
    static class HandMovedClock {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DeadlineWatch watch;
    @Autowired
    DeadlineStore deadlines;
    @Autowired
    MeterRegistry meters;
    @org.springframework.beans.factory.annotation.Value("${xinfang.mongo.database}")
    String database;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Fixtures.infrastructure(registry, "deadline-it");
    }

    @BeforeAll
    static void openTap() {
        tap = Infrastructure.shared().tap();
    }

    @AfterAll
    static void closeTap() {
        tap.close();
        RECEIVER.close();
    }

    private void contacts(String school) {
        String admin = TestIssuer.shared().district(DISTRICT, Role.ADMINISTRATOR).bearer();
        for (Map<String, Object> body : List.of(
                Map.<String, Object>of("role", "DEPARTMENT", "department", "LOGISTICS", "name", "后勤处长",
                        "webhookUrl", RECEIVER.url("/dl/" + school + "/logistics")),
                Map.<String, Object>of("role", "GENERAL_OFFICE", "name", "办公室主任",
                        "webhookUrl", RECEIVER.url("/dl/" + school + "/office")))) {
            web.put().uri("/api/v1/contacts/{id}?school={s}", body.get("role"), school).header("Authorization", admin)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk();
        }
    }

    private static PetitionRouted routed(String school, Instant acceptBy) {
        return new PetitionRouted(EventMeta.forPetition(PetitionRouted.class, DISTRICT, school, "p-dl-" + UUID.randomUUID(),
                CLOCK.instant()), UUID.randomUUID().toString(), Subject.HYGIENE, "LOGISTICS", List.of(),
                EmergencyLevel.ROUTINE, List.of("test"), "test-rules", new Deadlines(acceptBy, 60, 30));
    }

    private static PetitionStatusChanged status(PetitionRouted routed, PetitionState from, PetitionState to, Instant dueBy) {
        return new PetitionStatusChanged(EventMeta.forPetition(PetitionStatusChanged.class, DISTRICT,
                routed.meta().school(), routed.meta().petitionId(), CLOCK.instant()), from, to, "CLERK", "u-clerk", null,
                "LOGISTICS", dueBy);
    }

    private List<String> states(String petitionId) {
        return deadlines.statesOf(petitionId).collectList().block(Duration.ofSeconds(5));
    }

    private void moveClock(Duration by) {
        CLOCK.advance(by);
        watch.fireDue();
    }

    private long calls(String path, String petitionId, String kind) {
        return RECEIVER.accepted().stream().filter(r -> r.path().equals(path) && r.text().contains(petitionId)
                && r.text().contains("\"kind\":\"" + kind + "\"")).count();
    }

    private List<Map<String, Object>> alertsAs(String bearer, String petitionId) {
        return web.get().uri("/api/v1/alerts?petitionId={id}", petitionId).header("Authorization", bearer)
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
    }

    @Test
    void theDepartmentIsWarnedAheadAndTheGeneralOfficeToldWhenTheAcceptanceLimitLapsesEachOnce() {
        String school = "s-dl-01";
        contacts(school);
        PetitionRouted event = routed(school, CLOCK.instant().plus(Duration.ofDays(15)));
        String petitionId = event.meta().petitionId();
        tap.publish(Topics.PETITION_ROUTED, event);
        await("the acceptance timers", Duration.ofSeconds(30), () -> states(petitionId).size() == 2);
        assertThat(states(petitionId)).containsExactly("ACCEPTANCE/WARNING/PENDING", "ACCEPTANCE/LAPSED/PENDING");

        moveClock(Duration.ofDays(11));
        assertThat(states(petitionId)).containsExactly("ACCEPTANCE/WARNING/PENDING", "ACCEPTANCE/LAPSED/PENDING");

        moveClock(Duration.ofDays(1).plusSeconds(1));
        String logistics = "/dl/" + school + "/logistics";
        await("the warning reaches the department", Duration.ofSeconds(15),
                () -> calls(logistics, petitionId, "DEADLINE_WARNING") == 1);
        moveClock(Duration.ofHours(1));
        assertThat(states(petitionId)).containsExactly("ACCEPTANCE/WARNING/FIRED", "ACCEPTANCE/LAPSED/PENDING");

        List<Map<String, Object>> seenByDepartment = alertsAs(Fixtures.handler(school, "LOGISTICS"), petitionId);
        assertThat(seenByDepartment).singleElement().satisfies(a -> {
            assertThat(a.get("kind")).isEqualTo("DEADLINE_WARNING");
            assertThat(a.get("recipientRole")).isEqualTo("DEPARTMENT");
            assertThat((String) a.get("summary")).contains("受理时限").contains("即将届满");
        });

        moveClock(Duration.ofDays(3));
        String office = "/dl/" + school + "/office";
        await("the lapse reaches the General Office", Duration.ofSeconds(15),
                () -> calls(office, petitionId, "DEADLINE_LAPSED") == 1);
        moveClock(Duration.ofDays(1));
        assertThat(states(petitionId)).containsExactly("ACCEPTANCE/WARNING/FIRED", "ACCEPTANCE/LAPSED/FIRED");
        assertThat(alertsAs(Fixtures.handler(school, "GENERAL_OFFICE"), petitionId)).singleElement()
                .satisfies(a -> assertThat(a.get("kind")).isEqualTo("DEADLINE_LAPSED"));
        assertThat(calls(logistics, petitionId, "DEADLINE_WARNING")).isEqualTo(1);
        assertThat(calls(office, petitionId, "DEADLINE_LAPSED")).isEqualTo(1);
        assertThat(calls(logistics, petitionId, "DEADLINE_LAPSED")).isZero();
    }

    @Test
    void acceptanceInTimeStartsTheHandlingLimitWhichAnExtensionMovesAndResolutionEnds() {
        String school = "s-dl-02";
        contacts(school);
        Instant start = CLOCK.instant();
        PetitionRouted event = routed(school, start.plus(Duration.ofDays(15)));
        String petitionId = event.meta().petitionId();
        tap.publish(Topics.PETITION_ROUTED, event);
        await("the acceptance timers", Duration.ofSeconds(30), () -> states(petitionId).size() == 2);

        Instant handleDue = start.plus(Duration.ofDays(62));
        tap.publish(Topics.PETITION_STATUS_CHANGED, status(event, PetitionState.ROUTED, PetitionState.ACCEPTED, handleDue));
        await("acceptance cancels its timers and starts handling", Duration.ofSeconds(30), () -> states(petitionId)
                .containsAll(List.of("ACCEPTANCE/WARNING/CANCELLED", "ACCEPTANCE/LAPSED/CANCELLED",
                        "HANDLING/WARNING/PENDING", "HANDLING/LAPSED/PENDING")));

        moveClock(Duration.ofDays(16));
        String office = "/dl/" + school + "/office";
        String logistics = "/dl/" + school + "/logistics";
        assertThat(calls(logistics, petitionId, "DEADLINE_WARNING")).isZero();

        moveClock(Duration.ofDays(39).plusSeconds(1));
        await("the handling warning", Duration.ofSeconds(15), () -> calls(logistics, petitionId, "DEADLINE_WARNING") == 1);
        assertThat(RECEIVER.accepted().stream().filter(r -> r.path().equals(logistics) && r.text().contains(petitionId))
                .findFirst().orElseThrow().text()).contains("办理时限");

        // The head approves an extension of 30 days: the old lapse must not fire, new timers stand for the new limit.
        Instant extended = handleDue.plus(Duration.ofDays(30));
        tap.publish(Topics.PETITION_STATUS_CHANGED, status(event, PetitionState.IN_PROGRESS, PetitionState.EXTENDED, extended));
        await("the extension moves the limit", Duration.ofSeconds(30), () -> states(petitionId).stream()
                .filter(s -> s.equals("HANDLING/LAPSED/PENDING")).count() == 1
                && states(petitionId).contains("HANDLING/LAPSED/CANCELLED"));
        moveClock(Duration.ofDays(8));
        assertThat(calls(office, petitionId, "DEADLINE_LAPSED")).isZero();

        tap.publish(Topics.PETITION_STATUS_CHANGED, status(event, PetitionState.EXTENDED, PetitionState.RESOLVED, null));
        await("resolution ends the limit", Duration.ofSeconds(30), () -> states(petitionId).stream()
                .noneMatch(s -> s.endsWith("PENDING")));
        moveClock(Duration.ofDays(40));
        assertThat(calls(office, petitionId, "DEADLINE_LAPSED")).isZero();
        assertThat(calls(logistics, petitionId, "DEADLINE_WARNING")).isEqualTo(1);
    }

    @Test
    void timersStoredByOneInstanceFireOnceFromAnotherAfterARestart() {
        String school = "s-dl-03";
        contacts(school);
        PetitionRouted event = routed(school, CLOCK.instant().plus(Duration.ofDays(15)));
        String petitionId = event.meta().petitionId();
        tap.publish(Topics.PETITION_ROUTED, event);
        await("the acceptance timers", Duration.ofSeconds(30), () -> states(petitionId).size() == 2);

        // Another process over the same store (as after a restart) finds the stored timers and fires them.
        Infrastructure infra = Infrastructure.shared();
        CLOCK.advance(Duration.ofDays(16));
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(NotificationApplication.class)
                .initializers(ctx -> ((GenericApplicationContext) ctx).registerBean("testClock", Clock.class,
                        () -> CLOCK, bd -> bd.setPrimary(true)))
                .run("--server.port=0", "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrap(),
                        "--xinfang.mongo.uri=" + infra.mongoUri(), "--xinfang.mongo.database=" + database,
                        "--spring.kafka.consumer.group-id=deadline-restart-" + UUID.randomUUID(),
                        "--spring.kafka.listener.auto-startup=false",
                        "--xinfang.notification.deadlines.check-interval-ms=3600000",
                        "--xinfang.notification.noise.group-wait=PT0S")) {
            restarted.getBean(DeadlineWatch.class).fireDue();
            await("the lapse reaches the General Office", Duration.ofSeconds(15),
                    () -> calls("/dl/" + school + "/office", petitionId, "DEADLINE_LAPSED") == 1);
            await("the warning reaches the department", Duration.ofSeconds(15),
                    () -> calls("/dl/" + school + "/logistics", petitionId, "DEADLINE_WARNING") == 1);
        }
        assertThat(states(petitionId)).containsExactly("ACCEPTANCE/WARNING/FIRED", "ACCEPTANCE/LAPSED/FIRED");
        watch.fireDue();
        assertThat(calls("/dl/" + school + "/office", petitionId, "DEADLINE_LAPSED")).isEqualTo(1);
        assertThat(calls("/dl/" + school + "/logistics", petitionId, "DEADLINE_WARNING")).isEqualTo(1);
        assertThat(alertsAs(Fixtures.bearer(school, Role.CLERK), petitionId)).as("department, General Office, leader twice")
                .hasSize(4);
    }

    private double overdue(String step) {
        return meters.get("xinfang.petitions.overdue").tag("step", step).gauge().value();
    }

    @Test
    void theCheckCountsPetitionsPastEachLimitUntilTheyAreAcceptedAndResolved() {
        String school = "s-dl-04";
        PetitionRouted event = routed(school, CLOCK.instant().plus(Duration.ofHours(1)));
        String petitionId = event.meta().petitionId();
        tap.publish(Topics.PETITION_ROUTED, event);
        await("the acceptance timers", Duration.ofSeconds(30), () -> states(petitionId).size() == 2);
        // Petitions of the other tests may already be past their limits: only this one's change is counted.
        watch.check();
        double accept = overdue("accept");
        double handle = overdue("handle");

        CLOCK.advance(Duration.ofHours(1).plusSeconds(1));
        watch.check();
        assertThat(overdue("accept")).isEqualTo(accept + 1);
        assertThat(overdue("handle")).isEqualTo(handle);
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .value(text -> assertThat(text).contains("xinfang_petitions_overdue{step=\"accept\"}")
                        .contains("xinfang_petitions_overdue{step=\"handle\"}"));

        // Accepted late: no longer overdue for acceptance; handling is due in an hour, then lapses too.
        tap.publish(Topics.PETITION_STATUS_CHANGED, status(event, PetitionState.ROUTED, PetitionState.ACCEPTED,
                CLOCK.instant().plus(Duration.ofHours(1))));
        await("acceptance starts the handling limit", Duration.ofSeconds(30),
                () -> states(petitionId).contains("HANDLING/LAPSED/PENDING"));
        watch.check();
        assertThat(overdue("accept")).isEqualTo(accept);
        assertThat(overdue("handle")).isEqualTo(handle);
        CLOCK.advance(Duration.ofHours(1).plusSeconds(1));
        watch.check();
        assertThat(overdue("handle")).isEqualTo(handle + 1);

        tap.publish(Topics.PETITION_STATUS_CHANGED, status(event, PetitionState.IN_PROGRESS, PetitionState.RESOLVED, null));
        await("resolution ends the limit", Duration.ofSeconds(30), () -> states(petitionId).stream()
                .noneMatch(s -> s.endsWith("PENDING")));
        watch.check();
        assertThat(overdue("handle")).isEqualTo(handle);
        assertThat(overdue("accept")).isEqualTo(accept);
    }
}
