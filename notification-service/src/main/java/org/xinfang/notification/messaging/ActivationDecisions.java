package org.xinfang.notification.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.event.EmergencyActivationDecided;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.notification.domain.ActivationDecision;
import org.xinfang.notification.domain.Actor;
import org.xinfang.notification.domain.Alert;
import org.xinfang.notification.domain.AlertPlanner;
import org.xinfang.notification.domain.Incident;
import org.xinfang.notification.domain.TimelineAction;
import org.xinfang.notification.domain.TimelineEntry;
import org.xinfang.notification.persistence.AlertStore;
import org.xinfang.notification.persistence.IncidentStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The leader approves or declines activating the plan (经组长批准,启动本预案). The decision is stored once, with a
 * timeline entry; it answers the open activation requests (their chains stop); on approval every responsible
 * department is told to go to the scene.
 */
@Component
public class ActivationDecisions {

    /** What became of a decision. */
    public sealed interface Outcome {
        record Decided(Incident incident) implements Outcome { }
        record AlreadyDecided(Incident incident) implements Outcome { }
        record NotFound() implements Outcome { }
    }

    private final IncidentStore incidents;
    private final AlertStore alerts;
    private final AlertPlanner planner;
    private final Acknowledgements acknowledgements;
    private final EventPublisher publisher;
    private final List<AlertListener> listeners;
    private final Clock clock;

    ActivationDecisions(IncidentStore incidents, AlertStore alerts, AlertPlanner planner, Acknowledgements acknowledgements,
                        EventPublisher publisher, List<AlertListener> listeners, Clock clock) {
        this.incidents = incidents;
        this.alerts = alerts;
        this.planner = planner;
        this.acknowledgements = acknowledgements;
        this.publisher = publisher;
        this.listeners = listeners;
        this.clock = clock;
    }

    /** Decides if the incident is {@code visible} to the caller; one it may not see is {@code NotFound}. */
    public Mono<Outcome> decide(String incidentId, Predicate<Incident> visible, boolean approved, Actor by,
                                String reason) {
        Instant now = clock.instant();
        ActivationDecision decision = new ActivationDecision(approved, by.subject(), by.role(), now, reason);
        TimelineEntry entry = TimelineEntry.of(UUID.randomUUID().toString(),
                approved ? TimelineAction.ACTIVATION_APPROVED : TimelineAction.ACTIVATION_DECLINED, by, now, reason);
        return incidents.byId(incidentId)
                .filter(visible)
                .flatMap(found -> incidents.decide(incidentId, decision, entry)
                        .flatMap(decided -> afterDecision(decided, decision, by)
                                .thenReturn((Outcome) new Outcome.Decided(decided)))
                        .switchIfEmpty(incidents.byId(incidentId).map(Outcome.AlreadyDecided::new)))
                .defaultIfEmpty(new Outcome.NotFound());
    }

    private Mono<Void> afterDecision(Incident incident, ActivationDecision decision, Actor by) {
        EmergencyActivationDecided event = decided(incident, decision);
        Mono<Void> answerRequests = alerts.openOfIncident(incident.incidentId(), AlertKind.ACTIVATION_REQUEST)
                .concatMap(request -> acknowledgements.acknowledge(request.alertId(), alert -> true, by))
                .then();
        Mono<Void> sendToScene = decision.approved()
                ? dispatchToScene(planner.sceneNotices(incident, event.meta().eventId(), decision.at()), incident)
                : Mono.empty();
        return publisher.send(EventPublisher.on(Topics.EMERGENCY_ACTIVATION_DECIDED, event))
                .then(answerRequests)
                .then(sendToScene);
    }

    private Mono<Void> dispatchToScene(List<Alert> notices, Incident incident) {
        return alerts.insertNew(notices)
                // Listeners (escalation timers, channels) block on the store: keep them off the request threads.
                .then(Mono.fromRunnable(() -> listeners.forEach(l -> l.alertsStored(notices)))
                        .subscribeOn(Schedulers.boundedElastic()))
                .then(Flux.fromIterable(notices)
                        .concatMap(n -> publisher.send(EventPublisher.on(Topics.ALERT_RAISED, AlertEvents.raised(n))))
                        .then())
                .then(alerts.markPublished(notices.stream().map(Alert::alertId).toList(), clock.instant()));
    }

    /** One decision per incident, so its id derives from the incident's cause and the incident id. */
    private static EmergencyActivationDecided decided(Incident incident, ActivationDecision decision) {
        EventMeta cause = new EventMeta(incident.causeEventId(), PetitionRouted.class.getSimpleName(),
                EventMeta.CURRENT_SCHEMA_VERSION, incident.openedAt(), incident.district(), incident.school(),
                incident.petitionId());
        EventMeta meta = EventMeta.derivedFrom(cause, EmergencyActivationDecided.class, incident.incidentId(), decision.at());
        return new EmergencyActivationDecided(meta, incident.incidentId(), decision.approved(), decision.by(),
                decision.role(), decision.reason());
    }
}
