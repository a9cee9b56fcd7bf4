package org.xinfang.reporting.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.event.PetitionStatusChanged;
import org.xinfang.contracts.event.ReportDigestReady;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.DigestPeriod;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.MutableClock;
import org.xinfang.localstack.testing.TopicTap;
import org.xinfang.reporting.ReportingInfrastructure;
import org.xinfang.reporting.domain.DigestCalendar;
import org.xinfang.reporting.domain.Grain;
import org.xinfang.reporting.domain.Tally;
import org.xinfang.reporting.domain.TallyKey;
import org.xinfang.reporting.persistence.DigestClaims;
import org.xinfang.reporting.persistence.ReportReader;

/**
 * Scheduled digests over the real broker and store, on a clock the test moves: after a week has closed at Beijing's
 * midnight and settled, two replicas racing publish exactly one daily and one weekly digest per district, with the figures
 * the aggregates hold and the overdue petitions by id, never the petitioner; a restarted scheduler publishes nothing
 * again; a crash between claim and publish is recovered by the next instance, under the same event id.
 */
@SpringBootTest(properties = "xinfang.reporting.digest.enabled=false")
@ContextCustomizerFactories(ReportingInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DigestIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String DISTRICT = "d-digest-" + RUN;
    private static final String CRASHED = "d-crash-" + RUN;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration SETTLE = Duration.ofMinutes(10);
    private static final Duration STALE = Duration.ofMinutes(2);
    /** Weeks far enough back that no other test's events fall in them, one per test. */
    private static final LocalDate WEEK = Grain.WEEK.startOf(LocalDate.now(SHANGHAI)).minusWeeks(3);
    private static final LocalDate CRASH_WEEK = WEEK.minusWeeks(2);
    private static final List<String> SECRETS = List.of("张三丰", "13912345678", "家门口");

    @Autowired
    ReportReader reader;

    @Autowired
    MongoDatabase database;

    @Autowired
    ReportPublisher publisher;

    @Autowired
    FoldingLoop folding;

    private TopicTap tap;
    private String overdueId;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("xinfang.reporting.zone", SHANGHAI::getId);
    }


    @BeforeAll
    void publishTwoWeeksOfPetitions() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!folding.assigned() && Instant.now().isBefore(deadline)) {
            pause(50);
        }
        assertThat(folding.assigned()).isTrue();
        tap = Infrastructure.shared().tap();
        // Digest week: five petitions on Wednesday and two late on Sunday (Beijing time) in two schools, one accepted.
        Instant wednesday = WEEK.plusDays(2).atTime(9, 0).atZone(SHANGHAI).toInstant();
        Instant sunday = WEEK.plusDays(6).atTime(23, 30).atZone(SHANGHAI).toInstant();
        for (int i = 0; i < 7; i++) {
            Instant at = i < 5 ? wednesday.plusSeconds(i * 60L) : sunday.plusSeconds(i * 60L);
            String school = i % 2 == 0 ? "s-east-01" : "s-east-02";
            PetitionReceived r = revealing(DISTRICT, school, "p-dg-" + i + "-" + RUN, at, i == 3 ? 40 : 1);
            tap.publish(Topics.PETITION_RECEIVED, r);
            tap.publish(Topics.PETITION_ROUTED, routed(r, at.plusSeconds(5)));
            if (i == 0) {
                tap.publish(Topics.PETITION_STATUS_CHANGED, status(r, at.plus(Duration.ofHours(3))));
            }
        }
        // Monday 07:30 in Beijing, still Sunday in UTC: the next week's, in neither of this week's digests.
        PetitionReceived monday = revealing(DISTRICT, "s-east-01", "p-dg-monday-" + RUN,
                WEEK.plusDays(7).atTime(7, 30).atZone(SHANGHAI).toInstant(), 1);
        tap.publish(Topics.PETITION_RECEIVED, monday);
        // Received three weeks before the digest week, never decided: overdue when the week closes.
        overdueId = "p-dg-old-" + RUN;
        PetitionReceived old = revealing(DISTRICT, "s-east-02", overdueId, WEEK.minusDays(20).atTime(8, 0)
                .atZone(SHANGHAI).toInstant(), 1);
        tap.publish(Topics.PETITION_RECEIVED, old);
        tap.publish(Topics.PETITION_ROUTED, routed(old, old.receivedAt().plusSeconds(5)));
        // The crash test's district and week.
        for (int i = 0; i < 3; i++) {
            PetitionReceived r = revealing(CRASHED, "s-west-01", "p-cr-" + i + "-" + RUN,
                    CRASH_WEEK.plusDays(i).atTime(11, 0).atZone(SHANGHAI).toInstant(), 1);
            tap.publish(Topics.PETITION_RECEIVED, r);
        }
        awaitTrue(() -> week(DISTRICT, WEEK).total("received") == 7 && week(DISTRICT, WEEK).total("routed") == 7
                && week(DISTRICT, WEEK).total("accepted") == 1 && week(CRASHED, CRASH_WEEK).total("received") == 3
                && reader.read(DISTRICT, TallyKey.WHOLE_DISTRICT, WEEK.plusDays(7), WEEK.plusDays(7)).block()
                        .total("received") == 1
                && reader.waiting(DISTRICT, null).block().stream().anyMatch(p -> p.petitionId().equals(overdueId)));
    }

    @AfterAll
    void closeTap() {
        tap.close();
    }

    @Test
    void twoReplicasPublishOneDigestPerPeriodWithTheAggregatesFiguresAndNoIdentity() throws Exception {
        // Beijing's midnight closes the week, eight hours before UTC's: the digests are due before UTC's Sunday ends.
        Instant afterClose = WEEK.plusDays(7).atStartOfDay(SHANGHAI).toInstant().plus(SETTLE).plusSeconds(60);
        assertThat(afterClose).isBefore(WEEK.plusDays(7).atStartOfDay(ZoneOffset.UTC).toInstant());
        MutableClock clock = new MutableClock(afterClose);
        DigestScheduler first = scheduler(clock, "replica-a", sender());
        DigestScheduler second = scheduler(clock, "replica-b", sender());
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(first::runOnce);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(second::runOnce);
        assertThat(a.get() + b.get()).as("daily and weekly, once between them").isEqualTo(2);

        String weeklyId = ReportDigestReady.idFor(DISTRICT, DigestPeriod.WEEKLY, WEEK);
        String dailyId = ReportDigestReady.idFor(DISTRICT, DigestPeriod.DAILY, WEEK.plusDays(6));
        List<ReportDigestReady> digests = tap.collect(Topics.REPORT_DIGEST_READY,
                d -> d.meta().district().equals(DISTRICT), Duration.ofSeconds(5));
        assertThat(digests).extracting(d -> d.meta().eventId()).containsExactlyInAnyOrder(weeklyId, dailyId);

        ReportDigestReady weekly = digests.stream().filter(d -> d.period() == DigestPeriod.WEEKLY).findFirst().orElseThrow();
        Tally truth = week(DISTRICT, WEEK);
        assertThat(weekly.from()).isEqualTo(WEEK);
        assertThat(weekly.to()).isEqualTo(WEEK.plusDays(6));
        assertThat(weekly.totals()).isEqualTo(truth.totals());
        assertThat(weekly.counts()).isEqualTo(truth.counts());
        assertThat(weekly.totals().get("received")).isEqualTo(7L);
        assertThat(weekly.totals().get("groupHeadcount")).isEqualTo(40L);
        assertThat(weekly.counts().get("school")).containsEntry("s-east-01", 4L).containsEntry("s-east-02", 3L);
        assertThat(weekly.overdue()).extracting(o -> o.petitionId()).contains(overdueId);
        var overdue = weekly.overdue().stream().filter(o -> o.petitionId().equals(overdueId)).findFirst().orElseThrow();
        assertThat(overdue.school()).isEqualTo("s-east-02");
        assertThat(overdue.department()).isEqualTo("LOGISTICS");
        assertThat(overdue.limit()).isEqualTo("ACCEPTANCE");
        assertThat(overdue.dueAt()).isBefore(WEEK.plusDays(7).atStartOfDay(SHANGHAI).toInstant());

        ReportDigestReady daily = digests.stream().filter(d -> d.period() == DigestPeriod.DAILY).findFirst().orElseThrow();
        Tally sunday = reader.read(DISTRICT, TallyKey.WHOLE_DISTRICT, WEEK.plusDays(6), WEEK.plusDays(6)).block();
        assertThat(daily.totals()).isEqualTo(sunday.totals());
        assertThat(daily.totals().get("received")).isEqualTo(2L);

        for (ReportDigestReady digest : digests) {
            assertThat(new String(EventJson.write(digest), StandardCharsets.UTF_8)).doesNotContain(SECRETS)
                    .doesNotContain("\"title\"", "\"description\"", "\"place\"", "\"petitioners\"");
        }
        Document claim = claim(weeklyId);
        assertThat(claim.getString("state")).isEqualTo(DigestClaims.SENT);
        assertThat(claim.getString("event")).doesNotContain(SECRETS);

        // Again, and after a restart (a new instance remembers nothing): nothing more is published.
        assertThat(first.runOnce()).isZero();
        clock.set(afterClose.plus(Duration.ofMinutes(30)));
        assertThat(scheduler(clock, "replica-a-restarted", sender()).runOnce()).isZero();
        assertThat(tap.collect(Topics.REPORT_DIGEST_READY, d -> d.meta().district().equals(DISTRICT), Duration.ofSeconds(3)))
                .hasSize(2);
    }

    @Test
    void aCrashBetweenClaimAndPublishIsRecoveredOnceUnderTheSameId() {
        Instant afterClose = CRASH_WEEK.plusDays(7).atStartOfDay(SHANGHAI).toInstant().plus(SETTLE).plusSeconds(60);
        MutableClock clock = new MutableClock(afterClose);
        AtomicInteger attempts = new AtomicInteger();
        DigestScheduler crashing = scheduler(clock, "crashing", (district, event) -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("process killed before the broker answered");
        });
        assertThat(crashing.runOnce()).isZero();
        assertThat(attempts.get()).isPositive();
        String weeklyId = ReportDigestReady.idFor(CRASHED, DigestPeriod.WEEKLY, CRASH_WEEK);
        assertThat(claim(weeklyId).getString("state")).isEqualTo(DigestClaims.PENDING);

        // The restarted instance leaves a fresh claim alone (its owner may still be publishing) ...
        DigestScheduler restarted = scheduler(clock, "restarted", sender());
        assertThat(restarted.runOnce()).isZero();
        // ... and takes it over once it is stale, publishing the claimed digest itself.
        clock.set(afterClose.plus(STALE).plusSeconds(1));
        DigestScheduler other = scheduler(clock, "other-replica", sender());
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(restarted::runOnce);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(other::runOnce);
        assertThat(one.join() + two.join()).as("one takeover per pending claim").isEqualTo(1);
        assertThat(claim(weeklyId).getString("state")).isEqualTo(DigestClaims.SENT);

        List<ReportDigestReady> published = tap.collect(Topics.REPORT_DIGEST_READY,
                d -> d.meta().district().equals(CRASHED), Duration.ofSeconds(5));
        assertThat(published).extracting(d -> d.meta().eventId()).containsExactly(weeklyId);
        assertThat(published.get(0).totals()).isEqualTo(week(CRASHED, CRASH_WEEK).totals());
    }

    private DigestScheduler scheduler(Clock clock, String instance, DigestScheduler.Outbox outbox) {
        return new DigestScheduler(new DigestCalendar(SHANGHAI, SETTLE, 1, 1), reader, new DigestClaims(database), outbox,
                clock, Set.of(), STALE, Duration.ofMinutes(1), instance, false);
    }

    private DigestScheduler.Outbox sender() {
        return publisher::publishDigest;
    }

    private Tally week(String district, LocalDate monday) {
        return reader.read(district, TallyKey.WHOLE_DISTRICT, monday, monday.plusDays(6)).block();
    }

    /** A receipt whose free text names the petitioner: none of it may reach a digest. */
    private static PetitionReceived revealing(String district, String school, String id, Instant at, int headcount) {
        PetitionReceived base = org.xinfang.reporting.Events.received(district, school, id, at, Channel.VISIT,
                headcount > 1 ? Form.GROUP : Form.INDIVIDUAL, headcount, false);
        return new PetitionReceived(base.meta(), base.channel(), base.form(), base.headcount(), base.escalated(), false,
                base.petitionerRelations(), null, "张三丰投诉", "张三丰（电话13912345678）反映问题", "张三丰家门口", at,
                base.riskSignals());
    }

    private static PetitionRouted routed(PetitionReceived r, Instant at) {
        return org.xinfang.reporting.Events.routed(r, at, Subject.HYGIENE, "LOGISTICS", EmergencyLevel.ROUTINE);
    }

    private static PetitionStatusChanged status(PetitionReceived r, Instant at) {
        EventMeta m = r.meta();
        return org.xinfang.reporting.Events.status(m.district(), m.school(), m.petitionId(), at, PetitionState.ROUTED,
                PetitionState.ACCEPTED);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            pause(100);
        }
        throw new AssertionError("the figures never arrived");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The stored claim of one digest, read as an operator would. */
    private Document claim(String eventId) {
        return reactor.core.publisher.Mono.from(database.getCollection("digest_claims")
                .find(com.mongodb.client.model.Filters.eq("_id", eventId)).first()).block(Duration.ofSeconds(5));
    }
}
