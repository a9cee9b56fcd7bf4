package org.xinfang.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.xinfang.contracts.vocabulary.EmergencyLevel;

/**
 * Keeps non-critical alerts from drowning the people who must act: an open critical alert for the same petition
 * inhibits its lower ones (the people concerned are already on their way), and silences quiet what a school has
 * chosen to quiet. Critical alerts never wait and are never held back.
 */
public final class NoiseControl {

    private NoiseControl() {
    }

    /** Why this alert's channel deliveries are held back, or empty to deliver now. */
    public static Optional<String> holdBack(Alert alert, boolean openCriticalForPetition, List<Silence> silences,
                                            Instant now) {
        if (alert.level() == EmergencyLevel.CRITICAL) {
            return Optional.empty();
        }
        if (openCriticalForPetition) {
            return Optional.of("inhibited: an open critical alert exists for petition " + alert.petitionId());
        }
        return silences.stream().filter(s -> s.silences(alert, now)).findFirst()
                .map(s -> "silenced by " + s.silenceId() + " until " + s.endsAt());
    }
}
