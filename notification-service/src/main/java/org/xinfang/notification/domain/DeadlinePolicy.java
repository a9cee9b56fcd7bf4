package org.xinfang.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.EmergencyLevel;

/**
 * The plan's deadline duty: warn the responsible department a configured time before the acceptance and the
 * handling limit lapse, and tell the General Office (办公室, which supervises every petition) when one has lapsed.
 */
public final class DeadlinePolicy {

    private final Duration acceptanceLead;
    private final Duration handlingLead;

    public DeadlinePolicy(Duration acceptanceLead, Duration handlingLead) {
        this.acceptanceLead = acceptanceLead;
        this.handlingLead = handlingLead;
    }

    /**
     * The timers of one limit. A warning whose time has passed is due at once while the limit still lies ahead; once
     * the limit itself has passed only the lapse is left to tell (a warning then would be noise).
     */
    public List<DeadlineTimer> timersFor(String petitionId, DeadlineLimit limit, Instant limitAt, String causeEventId,
                                         Instant now) {
        List<DeadlineTimer> timers = new ArrayList<>();
        Duration lead = limit == DeadlineLimit.ACCEPTANCE ? acceptanceLead : handlingLead;
        if (limitAt.isAfter(now)) {
            Instant warnAt = limitAt.minus(lead);
            timers.add(DeadlineTimer.of(petitionId, limit, DeadlineTimer.Kind.WARNING,
                    warnAt.isBefore(now) ? now : warnAt, limitAt, causeEventId));
        }
        timers.add(DeadlineTimer.of(petitionId, limit, DeadlineTimer.Kind.LAPSED, limitAt, limitAt, causeEventId));
        return timers;
    }

    /** The alert a due timer raises: the warning to the responsible department, the lapse to the General Office. */
    public Alert alertFor(DeadlineTimer timer, PetitionDeadlines petition, Instant now) {
        boolean warning = timer.kind() == DeadlineTimer.Kind.WARNING;
        AlertKind kind = warning ? AlertKind.DEADLINE_WARNING : AlertKind.DEADLINE_LAPSED;
        RecipientRole role = warning ? RecipientRole.DEPARTMENT : RecipientRole.GENERAL_OFFICE;
        EmergencyLevel level = petition.level() == null ? EmergencyLevel.ROUTINE : petition.level();
        return new Alert(AlertPlanner.uuid("alert|" + timer.timerId()), null, timer.causeEventId(), petition.district(),
                petition.school(), petition.petitionId(), kind, level, role, petition.department(),
                AlertSummary.deadline(timer, petition), AlertState.OPEN, 0, role, now, null, null, null);
    }
}
