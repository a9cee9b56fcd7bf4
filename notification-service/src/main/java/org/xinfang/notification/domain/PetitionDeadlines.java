package org.xinfang.notification.domain;

import java.time.Instant;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Subject;

/**
 * Where one petition stands against its legal limits, as routing's decision and the status changes tell it. Routing
 * and status changes arrive on two topics with no order between them, so each field is set by the event that knows it
 * and a due timer checks this record before it fires.
 *
 * @param acceptanceDone accepted or refused: the acceptance limit no longer applies
 * @param handleDue when handling must be done (set on acceptance, moved by an extension); null before acceptance
 * @param handlingDone resolved, closed or refused: no limit applies any more
 * @param caption the school and number people name the petition by
 */
public record PetitionDeadlines(String petitionId, String district, String school, String department,
                                EmergencyLevel level, Subject subject, Instant acceptBy, Integer handleWithinDays,
                                Integer extensionMaxDays, boolean acceptanceDone, Instant handleDue,
                                boolean handlingDone, String caption) {

    /** Whether a timer still speaks of a limit that holds: not met, and not moved by an extension. */
    public boolean stillDue(DeadlineTimer timer) {
        return switch (timer.limit()) {
            case ACCEPTANCE -> !acceptanceDone && acceptBy != null && acceptBy.equals(timer.limitAt());
            case HANDLING -> !handlingDone && handleDue != null && handleDue.equals(timer.limitAt());
        };
    }
}
