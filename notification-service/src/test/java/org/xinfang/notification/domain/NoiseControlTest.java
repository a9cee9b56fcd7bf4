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
        return new Alert("a-1", "i-1", "ev-1", "d-east", "s-east-01", "p-1", kind, level, role, null, "summary",
                AlertState.OPEN, 0, role, NOW, null, null, null);
    }

    private static Silence silence(AlertKind kind, Instant endsAt) {
        return new Silence("sil-1", "d-east", "s-east-01", kind, null, null, endsAt, "u-admin", null);
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
}
