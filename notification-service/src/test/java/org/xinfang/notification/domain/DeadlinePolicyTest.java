package org.xinfang.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Subject;

class DeadlinePolicyTest {

    private static final Instant NOW = Instant.parse("2027-01-04T00:00:00Z");
    private final DeadlinePolicy policy = new DeadlinePolicy(Duration.ofDays(3), Duration.ofDays(7));

    @Test
    void aLimitAheadGetsAWarningItsLeadTimeBeforeAndTheLapseAtIt() {
        Instant limit = NOW.plus(Duration.ofDays(15));
        List<DeadlineTimer> timers = policy.timersFor("p-1", DeadlineLimit.ACCEPTANCE, limit, "e-1", NOW);
        assertThat(timers).extracting(DeadlineTimer::kind, DeadlineTimer::dueAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DeadlineTimer.Kind.WARNING, limit.minus(Duration.ofDays(3))),
                org.assertj.core.groups.Tuple.tuple(DeadlineTimer.Kind.LAPSED, limit));
        assertThat(policy.timersFor("p-1", DeadlineLimit.HANDLING, limit, "e-1", NOW).get(0).dueAt())
                .isEqualTo(limit.minus(Duration.ofDays(7)));
    }

    @Test
    void aWarningTooLateForItsLeadIsDueNowAndAPassedLimitOnlyLapses() {
        Instant soon = NOW.plus(Duration.ofDays(1));
        assertThat(policy.timersFor("p-1", DeadlineLimit.ACCEPTANCE, soon, "e-1", NOW).get(0).dueAt()).isEqualTo(NOW);
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
    void aMetOrMovedLimitIsNoLongerDueAndTheAlertsGoToTheDepartmentThenTheGeneralOffice() {
        Instant accept = NOW.plus(Duration.ofDays(15));
        PetitionDeadlines open = new PetitionDeadlines("p-1", "d-east", "s-1", "LOGISTICS", EmergencyLevel.ROUTINE,
                Subject.HYGIENE, accept, 60, 30, false, null, false);
        List<DeadlineTimer> timers = policy.timersFor("p-1", DeadlineLimit.ACCEPTANCE, accept, "e-1", NOW);
        assertThat(open.stillDue(timers.get(0))).isTrue();
        PetitionDeadlines accepted = new PetitionDeadlines("p-1", "d-east", "s-1", "LOGISTICS", EmergencyLevel.ROUTINE,
                Subject.HYGIENE, accept, 60, 30, true, NOW.plus(Duration.ofDays(60)), false);
        assertThat(accepted.stillDue(timers.get(0))).isFalse();
        DeadlineTimer oldLapse = policy.timersFor("p-1", DeadlineLimit.HANDLING, NOW.plus(Duration.ofDays(59)), "e-2", NOW)
                .get(1);
        assertThat(accepted.stillDue(oldLapse)).isFalse();

        Alert warning = policy.alertFor(timers.get(0), open, NOW);
        assertThat(warning.kind()).isEqualTo(AlertKind.DEADLINE_WARNING);
        assertThat(warning.recipientRole()).isEqualTo(RecipientRole.DEPARTMENT);
        assertThat(warning.department()).isEqualTo("LOGISTICS");
        assertThat(warning.summary()).contains("受理时限").contains("即将届满").contains("p-1");
        Alert lapse = policy.alertFor(timers.get(1), open, NOW);
        assertThat(lapse.kind()).isEqualTo(AlertKind.DEADLINE_LAPSED);
        assertThat(lapse.recipientRole()).isEqualTo(RecipientRole.GENERAL_OFFICE);
        assertThat(lapse.summary()).contains("已过").contains("办公室督办");
        assertThat(lapse.alertId()).isEqualTo(policy.alertFor(timers.get(1), open, NOW.plusSeconds(5)).alertId());
    }
}
