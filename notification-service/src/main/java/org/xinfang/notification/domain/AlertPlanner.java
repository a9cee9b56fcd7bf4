package org.xinfang.notification.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a routed petition into the incident and alerts the policy asks for. Everything it produces has an id
 * derived from its cause, so planning the same routed event twice yields the same incident and the same alerts.
 */
public final class AlertPlanner {

    /** The incident and its first alerts. */
    public record Plan(Incident incident, List<Alert> alerts) {
    }

    private final AlertPolicy policy;

    public AlertPlanner(AlertPolicy policy) {
        this.policy = policy;
    }

    /**
     * The plan for a decision after an escalation on the spot (the plan's 四(4)): the incident at the new level and the
     * alerts of that level to whoever has not been alerted for this incident yet, as if it had been known on receipt.
     * Alerts raised by this same decision count as not raised (a redelivery plans them again, under the same ids, so
     * that what a failed publish left behind goes out). Their ids derive from the incident, the level and the
     * recipient: nobody is alerted twice for one incident and level, however many escalations reach it.
     *
     * @param raised every alert the petition has had so far
     */
    public Plan planEscalation(RoutedPetition petition, List<Alert> raised, Instant now) {
        String incidentId = incidentIdOf(petition.petitionId());
        java.util.Set<String> reached = new java.util.HashSet<>();
        for (Alert alert : raised) {
            if (!alert.causeEventId().equals(petition.causeEventId())) {
                reached.add(recipient(alert.recipientRole(), alert.department()));
            }
        }
        Incident incident = new Incident(incidentId, petition.district(), petition.school(), petition.petitionId(),
                PetitionWords.caption(petition.situation()), petition.level(), petition.department(),
                petition.coDepartments(), Incident.Activation.REQUESTED, policy.actsBeforeApproval(petition.level()),
                now, petition.causeEventId(), null, List.of());
        List<Alert> alerts = policy.alertsFor(petition).stream()
                .filter(p -> !reached.contains(recipient(p.role(), p.department())))
                .map(p -> new Alert(uuid("alert|" + incidentId + "|" + petition.level() + "|" + p.kind() + "|" + p.role()
                        + "|" + (p.department() == null ? "" : p.department())), incidentId, petition.causeEventId(),
                        petition.district(), petition.school(), petition.petitionId(), p.kind(), petition.level(),
                        p.role(), p.department(), AlertSummary.of(petition, p), AlertSummary.details(petition, p),
                        AlertState.OPEN, 0, p.role(), now, null, null, null))
                .toList();
        return new Plan(incident, alerts);
    }

    private static String recipient(RecipientRole role, String department) {
        return role + "|" + (department == null ? "" : department);
    }

    public Optional<Plan> plan(RoutedPetition petition, Instant now) {
        List<PlannedAlert> planned = policy.alertsFor(petition);
        if (planned.isEmpty()) {
            return Optional.empty();
        }
        boolean actedBeforeApproval = policy.actsBeforeApproval(petition.level());
        Incident incident = new Incident(incidentIdOf(petition.petitionId()), petition.district(), petition.school(),
                petition.petitionId(), PetitionWords.caption(petition.situation()), petition.level(),
                petition.department(), petition.coDepartments(),
                Incident.Activation.REQUESTED, actedBeforeApproval, now, petition.causeEventId(), null, List.of());
        List<Alert> alerts = planned.stream()
                .map(p -> new Alert(alertIdOf(petition.causeEventId(), p), incident.incidentId(), petition.causeEventId(),
                        petition.district(), petition.school(), petition.petitionId(), p.kind(), petition.level(),
                        p.role(), p.department(), AlertSummary.of(petition, p),
                        AlertSummary.details(petition, p), AlertState.OPEN, 0, p.role(), now,
                        null, null, null))
                .toList();
        return Optional.of(new Plan(incident, alerts));
    }

    /**
     * On the leader's approval, every responsible department is told to go to the scene. The cause is the decision
     * (one per incident), so each department gets one such notice however often the decision is replayed.
     */
    public List<Alert> sceneNotices(Incident incident, String decisionEventId, Instant now) {
        return incident.departments().stream()
                .map(department -> new Alert(uuid("scene|" + incident.incidentId() + "|" + department),
                        incident.incidentId(), decisionEventId, incident.district(), incident.school(),
                        incident.petitionId(), org.xinfang.contracts.vocabulary.AlertKind.DEPARTMENT_NOTICE,
                        incident.level(), RecipientRole.DEPARTMENT, department,
                        AlertSummary.goToScene(incident, department),
                        AlertSummary.goToSceneDetails(incident, department), AlertState.OPEN, 0, RecipientRole.DEPARTMENT,
                        now, null, null, null))
                .toList();
    }

    /** One incident per petition: a re-routed petition stays the same emergency. */
    public static String incidentIdOf(String petitionId) {
        return uuid("incident|" + petitionId);
    }

    /** One alert per (routed event, recipient). */
    public static String alertIdOf(String causeEventId, PlannedAlert planned) {
        return uuid("alert|" + causeEventId + "|" + planned.kind() + "|" + planned.role() + "|"
                + (planned.department() == null ? "" : planned.department()));
    }

    static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
