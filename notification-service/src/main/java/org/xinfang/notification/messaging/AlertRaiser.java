package org.xinfang.notification.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.notification.domain.Alert;
import org.xinfang.notification.domain.AlertPlanner;
import org.xinfang.notification.domain.Incident;
import org.xinfang.notification.domain.RoutedPetition;
import org.xinfang.notification.persistence.AlertStore;
import org.xinfang.notification.persistence.IncidentStore;
import reactor.core.publisher.Mono;

/**
 * The path from a routed petition to alerts on the wire: plan, store (idempotently), deliver, publish. Runs on the
 * consumer thread; the offset is committed only after this returns, which is what guards the publish.
 */
@Component
public class AlertRaiser {

    private static final Logger log = LoggerFactory.getLogger(AlertRaiser.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(10);

    private final AlertPlanner planner;
    private final AlertStore alerts;
    private final IncidentStore incidents;
    private final EventPublisher publisher;
    private final List<AlertListener> listeners;
    private final Clock clock;
    private final Timer storing;
    private final Timer notifying;
    private final Timer publishing;

    AlertRaiser(AlertPlanner planner, AlertStore alerts, IncidentStore incidents, EventPublisher publisher,
                List<AlertListener> listeners, Clock clock, MeterRegistry meters) {
        // Where the time of a routed event goes, stage by stage, to see the critical path in /actuator/prometheus.
        this.storing = Timer.builder("xinfang.notification.routed.stage").tag("stage", "store").register(meters);
        this.notifying = Timer.builder("xinfang.notification.routed.stage").tag("stage", "listeners").register(meters);
        this.publishing = Timer.builder("xinfang.notification.routed.stage").tag("stage", "publish").register(meters);
        this.planner = planner;
        this.alerts = alerts;
        this.incidents = incidents;
        this.publisher = publisher;
        this.listeners = listeners;
        this.clock = clock;
    }

    public void onRouted(PetitionRouted routed) {
        onRouted(List.of(routed));
    }

    /**
     * The routed events of one poll together: every incident and alert in one write each (side by side), the
     * listeners told once, every event published at once and awaited once. Round trips per poll, not per event, are
     * what lets a burst of critical petitions through without queueing behind the store.
     */
    public void onRouted(List<PetitionRouted> poll) {
        Instant now = clock.instant();
        List<AlertPlanner.Plan> plans = new ArrayList<>();
        List<AlertPlanner.Plan> escalations = new ArrayList<>();
        for (PetitionRouted routed : poll) {
            RoutedPetition petition = new RoutedPetition(routed.meta().eventId(), routed.meta().district(),
                    routed.meta().school(), routed.meta().petitionId(), routed.subject(), routed.department(),
                    routed.coDepartments(), routed.level(), routed.situation(), routed.escalatedEventId());
            if (petition.escalation()) {
                // Who has been alerted already is read before planning: nobody is alerted twice for one incident.
                List<Alert> raised = alerts.forPetition(petition.district(), petition.petitionId()).collectList()
                        .block(STORE_TIMEOUT);
                escalations.add(planner.planEscalation(petition, raised == null ? List.of() : raised, now));
                continue;
            }
            planner.plan(petition, now).ifPresentOrElse(plans::add, () ->
                    log.debug("petition {} at level {}: no alerts", petition.petitionId(), petition.level()));
        }
        // Escalations open or raise their incidents here; only first-instance plans open theirs with the alerts.
        List<Incident> firstInstance = plans.stream().map(AlertPlanner.Plan::incident).toList();
        if (!escalations.isEmpty()) {
            // The incident is opened when the escalation is its first emergency, else raised to the new level.
            List<AlertPlanner.Plan> opening = escalations.stream()
                    .filter(p -> p.incident().level() != org.xinfang.contracts.vocabulary.EmergencyLevel.ROUTINE)
                    .toList();
            incidents.openAll(opening.stream().map(AlertPlanner.Plan::incident).toList())
                    .thenMany(reactor.core.publisher.Flux.fromIterable(opening)
                            .concatMap(p -> incidents.raise(p.incident())))
                    .then().block(STORE_TIMEOUT);
            escalations.stream().filter(p -> !p.alerts().isEmpty()).forEach(plans::add);
            escalations.forEach(p -> log.info("petition {} escalated to level {}: {} new alerts for incident {}",
                    p.incident().petitionId(), p.incident().level(), p.alerts().size(), p.incident().incidentId()));
        }
        if (plans.isEmpty()) {
            return;
        }
        // Critical petitions first, so their deliveries never queue behind a lower alert's noise control.
        plans.sort(java.util.Comparator.comparing((AlertPlanner.Plan p) -> p.incident().level()).reversed());
        List<Alert> all = plans.stream().flatMap(p -> p.alerts().stream()).toList();
        Long created = storing.record(() -> Mono.zip(incidents.openAll(firstInstance), alerts.insertNew(all, true))
                .map(written -> written.getT2())
                .block(STORE_TIMEOUT));
        // Stored alerts are what the API shows; listeners (escalation timers, channels) must see them at once.
        notifying.record(() -> listeners.forEach(l -> l.alertsStored(all)));
        publishing.record(() -> publish(plans));
        for (AlertPlanner.Plan plan : plans) {
            log.info("petition {} level {}: {} alerts for incident {}", plan.incident().petitionId(),
                    plan.incident().level(), plan.alerts().size(), plan.incident().incidentId());
        }
        log.debug("{} routed events, {} alerts ({} new)", poll.size(), all.size(), created);
    }

    /**
     * Publishes the poll's events and waits for the broker. Nothing is marked in the store: the poll's offset is
     * committed only after this returns, and until then the routed events come again and are published again under
     * the same event ids.
     */
    private void publish(List<AlertPlanner.Plan> plans) {
        List<EventPublisher.Outgoing<?>> events = new ArrayList<>();
        for (AlertPlanner.Plan plan : plans) {
            for (Alert alert : plan.alerts()) {
                events.add(EventPublisher.on(Topics.ALERT_RAISED, AlertEvents.raised(alert)));
            }
            Optional<Alert> request = plan.alerts().stream().filter(a -> a.kind() == AlertKind.ACTIVATION_REQUEST)
                    .findFirst();
            request.ifPresent(r -> events.add(EventPublisher.on(Topics.EMERGENCY_ACTIVATION_REQUESTED,
                    AlertEvents.activationRequested(r, plan.incident(), r.raisedAt()))));
        }
        publisher.publishAll(events);
    }
}
