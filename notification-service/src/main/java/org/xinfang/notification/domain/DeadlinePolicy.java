package org.xinfang.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.EmergencyLevel;

/**
 * The plan's deadline duty: remind the responsible department and the leader ahead of the acceptance and the
 * handling limit (by default 3 days and 1 day before), and tell the General Office (办公室, which supervises every
 * petition) and the leader the moment one has lapsed.
 */
public final class DeadlinePolicy {

    private final List<Duration> acceptanceReminders;
    private final List<Duration> handlingReminders;
    private final ZoneId zone;

    /**
     * @param acceptanceReminders how long before the acceptance limit each reminder goes out
     * @param handlingReminders   the same for the handling limit
     * @param zone                the district's zone, in which the texts date the limits
     */
    public DeadlinePolicy(List<Duration> acceptanceReminders, List<Duration> handlingReminders, ZoneId zone) {
        this.acceptanceReminders = longestFirst(acceptanceReminders);
        this.handlingReminders = longestFirst(handlingReminders);
        this.zone = zone;
    }

    private static List<Duration> longestFirst(List<Duration> leads) {
        if (leads.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("a reminder goes out a positive time before the limit, not " + leads);
        }
        return leads.stream().distinct().sorted(Comparator.reverseOrder()).toList();
    }

    /**
     * The timers of one limit. A reminder whose time has passed is due at once while the limit still lies ahead,
     * unless a later reminder's time has passed too (then only that one is told: two at once would be noise); once
     * the limit itself has passed only the lapse is left to tell.
     */
    public List<DeadlineTimer> timersFor(String petitionId, DeadlineLimit limit, Instant limitAt, String causeEventId,
                                         Instant now) {
        List<DeadlineTimer> timers = new ArrayList<>();
        List<Duration> leads = limit == DeadlineLimit.ACCEPTANCE ? acceptanceReminders : handlingReminders;
        if (limitAt.isAfter(now)) {
            for (int i = 0; i < leads.size(); i++) {
                Instant remindAt = limitAt.minus(leads.get(i));
                boolean overtaken = i + 1 < leads.size() && !limitAt.minus(leads.get(i + 1)).isAfter(now);
                if (!overtaken) {
                    // The longest reminder keeps the id timers had when there was only one, so none is told twice.
                    timers.add(DeadlineTimer.of(petitionId, limit, DeadlineTimer.Kind.WARNING,
                            remindAt.isBefore(now) ? now : remindAt, limitAt, causeEventId,
                            i == 0 ? null : leads.get(i)));
                }
            }
        }
        timers.add(DeadlineTimer.of(petitionId, limit, DeadlineTimer.Kind.LAPSED, limitAt, limitAt, causeEventId, null));
        return timers;
    }

    /**
     * The alerts a due timer raises: a reminder to the responsible department and to the leader, a lapse to the
     * General Office and to the leader. The first recipient's alert keeps the id of the time it was the only one.
     */
    public List<Alert> alertsFor(DeadlineTimer timer, PetitionDeadlines petition, Instant now) {
        boolean warning = timer.kind() == DeadlineTimer.Kind.WARNING;
        AlertKind kind = warning ? AlertKind.DEADLINE_WARNING : AlertKind.DEADLINE_LAPSED;
        RecipientRole first = warning ? RecipientRole.DEPARTMENT : RecipientRole.GENERAL_OFFICE;
        EmergencyLevel level = petition.level() == null ? EmergencyLevel.ROUTINE : petition.level();
        String summary = AlertSummary.deadline(timer, petition, zone);
        String details = AlertSummary.deadlineDetails(timer, petition, zone);
        List<Alert> alerts = new ArrayList<>();
        for (RecipientRole role : List.of(first, RecipientRole.LEADER)) {
            String id = role == first ? "alert|" + timer.timerId() : "alert|" + timer.timerId() + "|" + role;
            alerts.add(new Alert(AlertPlanner.uuid(id), null, timer.causeEventId(), petition.district(),
                    petition.school(), petition.petitionId(), kind, level, role, petition.department(), summary,
                    details, AlertState.OPEN, 0, role, now, null, null, null));
        }
        return alerts;
    }
}
