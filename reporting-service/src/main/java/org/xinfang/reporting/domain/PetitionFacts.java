package org.xinfang.reporting.domain;

import java.time.Instant;
import java.util.List;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.contracts.vocabulary.Subject;

/**
 * Everything reporting has learned about one petition, from its events in whatever order they came. Each fact is
 * keyed by the event (or alert, incident) that stated it, so hearing an event twice changes nothing; what the petition
 * counts as is derived from the whole set by {@link OutcomeRules}. There is no petitioner identity here, nor any
 * free text that might carry one.
 *
 * @param received null until the petition's receipt has been heard: until then it cannot be placed in a day
 */
public record PetitionFacts(
        String petitionId,
        Received received,
        List<Routing> routings,
        List<Step> steps,
        List<Emergency> emergencies,
        List<Alert> alerts) {

    public PetitionFacts {
        routings = List.copyOf(routings);
        steps = List.copyOf(steps);
        emergencies = List.copyOf(emergencies);
        alerts = List.copyOf(alerts);
    }

    /**
     * The receipt; {@code acceptBy} is the acceptance deadline intake counted, null from an intake that stated none;
     * {@code number} the petition number people say (东区一小〔2026〕17号), null from an older intake.
     */
    public record Received(String district, String school, Instant receivedAt, Channel channel, Form form,
                           int headcount, boolean escalated, Subject subject, Instant acceptBy, String number) {
    }

    /** One routing decision; a petition may be re-routed, and the latest decision stands. */
    public record Routing(Instant at, Subject subject, String department, EmergencyLevel level, Instant acceptBy) {
    }

    /** One step of the life cycle; {@code dueBy} is the handling deadline intake states with it, if any. */
    public record Step(Instant at, PetitionState to, Instant dueBy) {
    }

    /**
     * An emergency-plan incident about this petition. {@code requested} and {@code approved} come from different
     * events that may arrive in either order; a decision implies there was a request.
     */
    public record Emergency(String incidentId, boolean requested, Boolean approved) {
    }

    public record Alert(String alertId, AlertKind kind) {
    }
}
