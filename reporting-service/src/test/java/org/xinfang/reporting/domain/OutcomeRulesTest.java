package org.xinfang.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.contracts.vocabulary.Subject;

class OutcomeRulesTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private final OutcomeRules rules = new OutcomeRules(ReportingPolicy.DEFAULTS);

    private static PetitionFacts.Received received(Form form, int headcount) {
        return new PetitionFacts.Received("d", "s", T0, Channel.VISIT, form, headcount, false, null,
                T0.plus(Duration.ofDays(15)), "东区一小〔2026〕1号");
    }

    private static PetitionFacts.Routing routing(Instant at, String department) {
        return new PetitionFacts.Routing(at, Subject.HYGIENE, department, EmergencyLevel.ELEVATED,
                T0.plus(Duration.ofDays(15)));
    }

    private static PetitionFacts.Step step(Duration after, PetitionState to) {
        return new PetitionFacts.Step(T0.plus(after), to, null);
    }

    /** A step with the deadline intake stated with it, {@code dueAfter} from T0. */
    private static PetitionFacts.Step step(Duration after, PetitionState to, Duration dueAfter) {
        return new PetitionFacts.Step(T0.plus(after), to, T0.plus(dueAfter));
    }

    @Test
    void withoutItsReceiptAPetitionCountsNowhere() {
        PetitionFacts facts = new PetitionFacts("p", null, List.of(routing(T0, "后勤处")), List.of(), List.of(), List.of());
        assertThat(rules.outcomeOf(facts)).isEmpty();
    }

    @Test
    void theOrderFactsArrivedInDoesNotMatter() {
        List<PetitionFacts.Step> steps = new ArrayList<>(List.of(
                step(Duration.ofHours(1), PetitionState.ROUTED),
                step(Duration.ofDays(3), PetitionState.ACCEPTED, Duration.ofDays(63)),
                step(Duration.ofDays(10), PetitionState.IN_PROGRESS),
                step(Duration.ofDays(40), PetitionState.RESOLVED)));
        List<PetitionFacts.Routing> routings = new ArrayList<>(List.of(routing(T0.plusSeconds(60), "办公室"),
                routing(T0.plusSeconds(120), "后勤处")));
        PetitionOutcome first = rules.outcomeOf(new PetitionFacts("p", received(Form.GROUP, 12), routings, steps,
                List.of(), List.of())).orElseThrow();
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(steps, random);
            Collections.shuffle(routings, random);
            assertThat(rules.outcomeOf(new PetitionFacts("p", received(Form.GROUP, 12), routings, steps, List.of(),
                    List.of()))).contains(first);
        }
        assertThat(first.state()).isEqualTo("RESOLVED");
        assertThat(first.department()).isEqualTo("后勤处");
        assertThat(first.hoursToAccept()).isEqualTo(72);
        assertThat(first.hoursToResolve()).isEqualTo(960);
        assertThat(first.acceptedInTime()).isTrue();
        assertThat(first.handledInTime()).isTrue();
    }

    @Test
    void lateStepsMissTheirDeadlinesAndAnExtensionMovesTheHandlingOne() {
        PetitionOutcome late = rules.outcomeOf(new PetitionFacts("p", received(Form.INDIVIDUAL, 1),
                List.of(routing(T0, "教导处")),
                List.of(step(Duration.ofDays(16), PetitionState.ACCEPTED, Duration.ofDays(16 + 60)),
                        step(Duration.ofDays(16 + 70), PetitionState.RESOLVED)),
                List.of(), List.of())).orElseThrow();
        assertThat(late.acceptedInTime()).isFalse();
        assertThat(late.handledInTime()).isFalse();

        PetitionOutcome extended = rules.outcomeOf(new PetitionFacts("p", received(Form.INDIVIDUAL, 1),
                List.of(routing(T0, "教导处")),
                List.of(step(Duration.ofDays(1), PetitionState.ACCEPTED, Duration.ofDays(61)),
                        step(Duration.ofDays(50), PetitionState.EXTENDED, Duration.ofDays(91)),
                        step(Duration.ofDays(1 + 80), PetitionState.RESOLVED)),
                List.of(), List.of())).orElseThrow();
        assertThat(extended.handledInTime()).isTrue();
        assertThat(extended.handleBy()).isEqualTo(T0.plus(Duration.ofDays(91)));
    }

    @Test
    void deadlinesIntakeDidNotStateAreNotMadeUp() {
        PetitionFacts.Received unstated = new PetitionFacts.Received("d", "s", T0, Channel.VISIT, Form.INDIVIDUAL, 1,
                false, null, null, null);
        PetitionOutcome o = rules.outcomeOf(new PetitionFacts("p", unstated,
                List.of(new PetitionFacts.Routing(T0, Subject.HYGIENE, "教导处", EmergencyLevel.ROUTINE, null)),
                List.of(step(Duration.ofDays(20), PetitionState.ACCEPTED), step(Duration.ofDays(30), PetitionState.RESOLVED)),
                List.of(), List.of())).orElseThrow();
        assertThat(o.acceptBy()).isNull();
        assertThat(o.handleBy()).isNull();
        assertThat(o.acceptedInTime()).as("no verdict without the deadline intake counted").isNull();
        assertThat(o.handledInTime()).isNull();
        assertThat(OpenPetition.of(o)).isEmpty();
    }

    @Test
    void aReviewsAnswerDeadlineIsNotTheHandlingDeadline() {
        PetitionOutcome o = rules.outcomeOf(new PetitionFacts("p", received(Form.INDIVIDUAL, 1), List.of(routing(T0, "教导处")),
                List.of(step(Duration.ofDays(1), PetitionState.ACCEPTED, Duration.ofDays(61)),
                        step(Duration.ofDays(30), PetitionState.RESOLVED),
                        step(Duration.ofDays(40), PetitionState.REVIEW_REQUESTED, Duration.ofDays(70))),
                List.of(), List.of())).orElseThrow();
        assertThat(o.handleBy()).isEqualTo(T0.plus(Duration.ofDays(61)));
    }

    @Test
    void anOpenPetitionHasNoVerdictYet() {
        PetitionOutcome open = rules.outcomeOf(new PetitionFacts("p", received(Form.INDIVIDUAL, 1), List.of(), List.of(),
                List.of(), List.of())).orElseThrow();
        assertThat(open.state()).isEqualTo("RECEIVED");
        assertThat(open.department()).isEqualTo(OutcomeRules.NOT_ROUTED);
        assertThat(open.acceptedInTime()).isNull();
        assertThat(open.acceptBy()).isEqualTo(T0.plus(Duration.ofDays(15)));
        assertThat(open.awaitingAcceptance()).isTrue();
    }

    @Test
    void emergenciesAreOpenUntilDeclinedOrThePetitionIsFinished() {
        List<PetitionFacts.Emergency> emergencies = List.of(
                new PetitionFacts.Emergency("a", true, null),
                new PetitionFacts.Emergency("b", false, true), // decision heard before its request
                new PetitionFacts.Emergency("c", true, false));
        PetitionOutcome open = rules.outcomeOf(new PetitionFacts("p", received(Form.GROUP, 40), List.of(), List.of(),
                emergencies, List.of(new PetitionFacts.Alert("x", AlertKind.POLICE_ALERT)))).orElseThrow();
        assertThat(open.emergenciesRequested()).isEqualTo(3);
        assertThat(open.emergenciesApproved()).isEqualTo(1);
        assertThat(open.emergenciesDeclined()).isEqualTo(1);
        assertThat(open.openEmergencies()).isEqualTo(2);
        assertThat(open.alertsByKind()).containsEntry("POLICE_ALERT", 1);

        PetitionOutcome finished = rules.outcomeOf(new PetitionFacts("p", received(Form.GROUP, 40), List.of(),
                List.of(step(Duration.ofDays(1), PetitionState.ACCEPTED), step(Duration.ofDays(2), PetitionState.RESOLVED)),
                emergencies, List.of())).orElseThrow();
        assertThat(finished.openEmergencies()).isZero();
    }

    /**
     * 23:30 UTC on the 2nd is 07:30 on the 3rd in Beijing: the district received it on the 3rd, and everything the
     * petition counts for (its time to accept too) belongs to that day; a deployment whose districts keep UTC counts
     * it on the 2nd.
     */
    @Test
    void aPetitionCountsOnTheDayTheDistrictReceivedIt() {
        Instant lateEveningUtc = Instant.parse("2026-03-02T23:30:00Z");
        PetitionFacts facts = new PetitionFacts("p",
                new PetitionFacts.Received("d", "s", lateEveningUtc, Channel.VISIT, Form.INDIVIDUAL, 1, false, null, null, null),
                List.of(), List.of(new PetitionFacts.Step(lateEveningUtc.plus(Duration.ofHours(5)), PetitionState.ACCEPTED,
                        null)), List.of(), List.of());

        PetitionOutcome inShanghai = new OutcomeRules(ReportingPolicy.DEFAULTS.inZone(ZoneId.of("Asia/Shanghai")))
                .outcomeOf(facts).orElseThrow();
        assertThat(inShanghai.day()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(inShanghai.hoursToAccept()).isEqualTo(5);

        OutcomeRules inUtc = new OutcomeRules(ReportingPolicy.DEFAULTS.inZone(ZoneOffset.UTC));
        assertThat(inUtc.outcomeOf(facts).orElseThrow().day()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(inUtc.dayOf(lateEveningUtc)).isEqualTo(LocalDate.of(2026, 3, 2));

        // The district's own midnight is the boundary: a second before it is still the 2nd, in Beijing.
        OutcomeRules shanghai = new OutcomeRules(ReportingPolicy.DEFAULTS);
        assertThat(shanghai.dayOf(Instant.parse("2026-03-02T15:59:59Z"))).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(shanghai.dayOf(Instant.parse("2026-03-02T16:00:00Z"))).isEqualTo(LocalDate.of(2026, 3, 3));
    }
}
