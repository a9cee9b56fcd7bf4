package org.xinfang.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.EmergencyLevel;

class NoiseControlTest {

    private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

    private static Alert alert(EmergencyLevel level, AlertKind kind, RecipientRole role) {
        return new Alert("a-1", "i-1", "ev-1", "d-east", "s-east-01", "p-1", kind, level, role, null, "summary", "details",
                AlertState.OPEN, 0, role, NOW, null, null, null);
    }

    private static Silence silence(AlertKind kind, Instant endsAt) {
        return new Silence("sil-1", "d-east", "s-east-01", kind, null, null, endsAt, "u-admin", null, "ADMINISTRATOR",
                NOW.minusSeconds(60), null, null, null);
    }

    @Test
    void criticalAlertsAreNeverHeldBack() {
        Alert critical = alert(EmergencyLevel.CRITICAL, AlertKind.POLICE_ALERT, RecipientRole.POLICE);
        assertThat(NoiseControl.holdBack(critical, true, List.of(silence(null, NOW.plusSeconds(600))), NOW)).isEmpty();
    }

    @Test
    void anOpenCriticalAlertInhibitsThePetitionsLowerAlerts() {
        Alert notice = alert(EmergencyLevel.ELEVATED, AlertKind.DEPARTMENT_NOTICE, RecipientRole.DEPARTMENT);
        assertThat(NoiseControl.holdBack(notice, true, List.of(), NOW)).get().asString().startsWith("inhibited");
        assertThat(NoiseControl.holdBack(notice, false, List.of(), NOW)).isEmpty();
    }

    @Test
    void aSilenceHoldsBackWhatItMatchesUntilItEnds() {
        Alert request = alert(EmergencyLevel.HIGH, AlertKind.ACTIVATION_REQUEST, RecipientRole.LEADER);
        Silence requests = silence(AlertKind.ACTIVATION_REQUEST, NOW.plus(Duration.ofHours(1)));
        assertThat(NoiseControl.holdBack(request, false, List.of(requests), NOW)).get().asString().startsWith("silenced");
        assertThat(NoiseControl.holdBack(request, false, List.of(requests), NOW.plus(Duration.ofHours(1)))).isEmpty();
        Silence notices = silence(AlertKind.DEPARTMENT_NOTICE, NOW.plus(Duration.ofHours(1)));
        assertThat(NoiseControl.holdBack(request, false, List.of(notices), NOW)).isEmpty();
    }

    @Test
    void aSilenceWithoutMatchersStillNeverQuietsTheBureauTheGeneralOfficeOrALapsedLimit() {
        Silence everything = silence(null, NOW.plus(Duration.ofHours(1)));
        assertThat(NoiseControl.holdBack(alert(EmergencyLevel.HIGH, AlertKind.BUREAU_ALERT, RecipientRole.BUREAU_DUTY),
                false, List.of(everything), NOW)).isEmpty();
        assertThat(NoiseControl.holdBack(alert(EmergencyLevel.ROUTINE, AlertKind.DEADLINE_LAPSED,
                RecipientRole.GENERAL_OFFICE), false, List.of(everything), NOW)).isEmpty();
        assertThat(NoiseControl.holdBack(alert(EmergencyLevel.ROUTINE, AlertKind.DEADLINE_LAPSED, RecipientRole.LEADER),
                false, List.of(everything), NOW)).as("a lapse is never quieted, whoever it goes to").isEmpty();
        assertThat(NoiseControl.holdBack(alert(EmergencyLevel.HIGH, AlertKind.ACTIVATION_REQUEST, RecipientRole.LEADER),
                false, List.of(everything), NOW)).get().asString().startsWith("silenced");
        Silence ended = everything.endedBy(new Actor("u-deputy", "副组长", "DEPUTY_LEADER"), NOW.minusSeconds(1));
        assertThat(NoiseControl.holdBack(alert(EmergencyLevel.HIGH, AlertKind.ACTIVATION_REQUEST, RecipientRole.LEADER),
                false, List.of(ended), NOW)).as("an ended silence quiets nothing").isEmpty();
    }
}
