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

    public Optional<Plan> plan(RoutedPetition petition, Instant now) {
        List<PlannedAlert> planned = policy.alertsFor(petition);
        if (planned.isEmpty()) {
            return Optional.empty();
        }
        boolean actedBeforeApproval = policy.actsBeforeApproval(petition.level());
        Incident incident = new Incident(incidentIdOf(petition.petitionId()), petition.district(), petition.school(),
                petition.petitionId(), petition.level(), petition.department(), petition.coDepartments(),
                Incident.Activation.REQUESTED, actedBeforeApproval, now, petition.causeEventId(), null, List.of());
        List<Alert> alerts = planned.stream()
                .map(p -> new Alert(alertIdOf(petition.causeEventId(), p), incident.incidentId(), petition.causeEventId(),
                        petition.district(), petition.school(), petition.petitionId(), p.kind(), petition.level(),
                        p.role(), p.department(), AlertSummary.of(petition, p), AlertState.OPEN, 0, p.role(), now,
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
                        AlertSummary.goToScene(incident, department), AlertState.OPEN, 0, RecipientRole.DEPARTMENT,
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
