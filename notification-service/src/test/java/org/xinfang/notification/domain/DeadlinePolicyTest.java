package org.xinfang.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Subject;

class DeadlinePolicyTest {

    private static final Instant NOW = Instant.parse("2027-01-04T00:00:00Z");
    private static final List<Duration> PLAN = List.of(Duration.ofDays(1), Duration.ofDays(3));
    private final DeadlinePolicy policy = new DeadlinePolicy(PLAN, List.of(Duration.ofDays(7)),
            ZoneId.of("Asia/Shanghai"));

    @Test
    void aLimitAheadGetsEachReminderItsLeadBeforeAndTheLapseAtIt() {
        Instant limit = NOW.plus(Duration.ofDays(15));
        List<DeadlineTimer> timers = policy.timersFor("p-1", DeadlineLimit.ACCEPTANCE, limit, "e-1", NOW);
        assertThat(timers).extracting(DeadlineTimer::kind, DeadlineTimer::dueAt).containsExactly(
                tuple(DeadlineTimer.Kind.WARNING, limit.minus(Duration.ofDays(3))),
                tuple(DeadlineTimer.Kind.WARNING, limit.minus(Duration.ofDays(1))),
                tuple(DeadlineTimer.Kind.LAPSED, limit));
        assertThat(timers).extracting(DeadlineTimer::timerId).doesNotHaveDuplicates();
        // The longest reminder keeps the id of the single reminder timers had before: stored timers are not repeated.
        assertThat(timers.get(0).timerId()).isEqualTo(DeadlineTimer.of("p-1", DeadlineLimit.ACCEPTANCE,
                DeadlineTimer.Kind.WARNING, NOW, limit, "e-1", null).timerId());
        assertThat(policy.timersFor("p-1", DeadlineLimit.HANDLING, limit, "e-1", NOW).get(0).dueAt())
                .isEqualTo(limit.minus(Duration.ofDays(7)));
    }

    @Test
    void aReminderTooLateIsDueNowUnlessALaterOneIsDueTooAndAPassedLimitOnlyLapses() {
        Instant inTwoDays = NOW.plus(Duration.ofDays(2));
        assertThat(policy.timersFor("p-1", DeadlineLimit.ACCEPTANCE, inTwoDays, "e-1", NOW))
                .extracting(DeadlineTimer::kind, DeadlineTimer::dueAt).containsExactly(
                        tuple(DeadlineTimer.Kind.WARNING, NOW),
                        tuple(DeadlineTimer.Kind.WARNING, inTwoDays.minus(Duration.ofDays(1))),
                        tuple(DeadlineTimer.Kind.LAPSED, inTwoDays));
        Instant inHalfADay = NOW.plus(Duration.ofHours(12));
        assertThat(policy.timersFor("p-1", DeadlineLimit.ACCEPTANCE, inHalfADay, "e-1", NOW))
                .as("the three-day reminder is overtaken by the one-day reminder: one reminder, not two at once")
                .extracting(DeadlineTimer::kind, DeadlineTimer::dueAt).containsExactly(
                        tuple(DeadlineTimer.Kind.WARNING, NOW), tuple(DeadlineTimer.Kind.LAPSED, inHalfADay));
        assertThat(policy.timersFor("p-1", DeadlineLimit.ACCEPTANCE, NOW.minusSeconds(1), "e-1", NOW))
                .extracting(DeadlineTimer::kind).containsExactly(DeadlineTimer.Kind.LAPSED);
    }

    @Test
    void theSameLimitGivesTheSameTimersAndAMovedLimitNewOnes() {
        Instant limit = NOW.plus(Duration.ofDays(60));
        assertThat(policy.timersFor("p-1", DeadlineLimit.HANDLING, limit, "e-1", NOW))
                .isEqualTo(policy.timersFor("p-1", DeadlineLimit.HANDLING, limit, "e-1", NOW));
        assertThat(policy.timersFor("p-1", DeadlineLimit.HANDLING, limit.plus(Duration.ofDays(30)), "e-2", NOW).get(1)
                .timerId()).isNotEqualTo(policy.timersFor("p-1", DeadlineLimit.HANDLING, limit, "e-1", NOW).get(1).timerId());
    }

    @Test
    void aMetOrMovedLimitIsNoLongerDueAndTheAlertsGoToTheDepartmentAndLeaderThenTheGeneralOfficeAndLeader() {
        Instant accept = NOW.plus(Duration.ofDays(15));
        PetitionDeadlines open = new PetitionDeadlines("p-1", "d-east", "s-1", "LOGISTICS", EmergencyLevel.ROUTINE,
                Subject.HYGIENE, accept, 60, 30, false, null, false, "东区一小〔2027〕3号");
        List<DeadlineTimer> timers = policy.timersFor("p-1", DeadlineLimit.ACCEPTANCE, accept, "e-1", NOW);
        assertThat(open.stillDue(timers.get(0))).isTrue();
        PetitionDeadlines accepted = new PetitionDeadlines("p-1", "d-east", "s-1", "LOGISTICS", EmergencyLevel.ROUTINE,
                Subject.HYGIENE, accept, 60, 30, true, NOW.plus(Duration.ofDays(60)), false, "东区一小〔2027〕3号");
        assertThat(accepted.stillDue(timers.get(0))).isFalse();
        DeadlineTimer oldLapse = policy.timersFor("p-1", DeadlineLimit.HANDLING, NOW.plus(Duration.ofDays(59)), "e-2", NOW)
                .get(1);
        assertThat(accepted.stillDue(oldLapse)).isFalse();

        List<Alert> reminders = policy.alertsFor(timers.get(0), open, NOW);
        assertThat(reminders).extracting(Alert::kind, Alert::recipientRole, Alert::department).containsExactly(
                tuple(AlertKind.DEADLINE_WARNING, RecipientRole.DEPARTMENT, "LOGISTICS"),
                tuple(AlertKind.DEADLINE_WARNING, RecipientRole.LEADER, "LOGISTICS"));
        assertThat(reminders.get(0).summary()).contains("受理时限").contains("即将届满").contains("东区一小〔2027〕3号");
        List<Alert> lapse = policy.alertsFor(timers.get(2), open, NOW);
        assertThat(lapse).extracting(Alert::kind, Alert::recipientRole).containsExactly(
                tuple(AlertKind.DEADLINE_LAPSED, RecipientRole.GENERAL_OFFICE),
                tuple(AlertKind.DEADLINE_LAPSED, RecipientRole.LEADER));
        assertThat(lapse.get(0).summary()).contains("已过").contains("办公室督办");
        assertThat(lapse).extracting(Alert::alertId).doesNotHaveDuplicates()
                .isEqualTo(policy.alertsFor(timers.get(2), open, NOW.plusSeconds(5)).stream().map(Alert::alertId).toList());
    }
}
