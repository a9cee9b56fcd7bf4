package org.xinfang.notification.web;

import org.xinfang.kit.web.ApiProblem;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.contracts.access.Caller;
import org.xinfang.notification.domain.Actor;
import org.xinfang.notification.domain.EscalationPolicy;
import org.xinfang.notification.persistence.AlertStore;
import org.xinfang.notification.messaging.Acknowledgements;
import org.xinfang.notification.messaging.AlertStream;
import org.xinfang.notification.persistence.ContactStore;
import org.xinfang.notification.persistence.DeliveryStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Alerts as docs/access.md allows: another school's, district's or department's alerts are simply not there. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

    private final AlertStore alerts;
    private final Acknowledgements acknowledgements;
    private final AlertStream stream;
    private final DeliveryStore deliveries;
    private final EscalationPolicy escalation;
    private final ContactStore contacts;

    AlertController(AlertStore alerts, Acknowledgements acknowledgements, AlertStream stream, DeliveryStore deliveries,
                    EscalationPolicy escalation, ContactStore contacts) {
        this.contacts = contacts;
        this.alerts = alerts;
        this.acknowledgements = acknowledgements;
        this.stream = stream;
        this.deliveries = deliveries;
        this.escalation = escalation;
    }

    /**
     * Live alerts the caller may see, for duty consoles, as server-sent events (event name {@code alert}), with a
     * comment every 15 s so proxies keep the connection open.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<AlertView>> stream(Caller caller) {
        AccessPolicy.actingRole(caller, AccessPolicy.Family.ALERTS);
        Flux<ServerSentEvent<AlertView>> visible = stream.alerts()
                .filter(a -> AccessPolicy.reaches(caller, a))
                .map(a -> ServerSentEvent.builder(AlertView.of(a)).id(a.alertId() + "#" + a.step()).event("alert").build());
        Flux<ServerSentEvent<AlertView>> heartbeat = Flux.interval(Duration.ofSeconds(15))
                .map(i -> ServerSentEvent.<AlertView>builder().comment("keep-alive").build());
        // A first comment at once, so the console (and any proxy) sees the stream open before the first alert.
        return Flux.concat(Flux.just(ServerSentEvent.<AlertView>builder().comment("connected").build()),
                Flux.merge(visible, heartbeat));
    }

    /**
     * Every delivery of an alert with its state: DELIVERED, PENDING (retrying) or DEAD (dead-lettered). Where it went
     * and the receiver's own error are shown in full only for deliveries to contacts the caller may read (a school's
     * leaders: their school's, not the district's own); everything else is masked.
     */
    @GetMapping("/{alertId}/deliveries")
    Flux<DeliveryStore.Tracked> deliveries(Caller caller, @PathVariable String alertId) {
        AccessPolicy.actingRole(caller, AccessPolicy.Family.ALERTS);
        boolean readsContacts = AccessPolicy.may(caller, AccessPolicy.Family.CONTACTS_READ);
        return alerts.byId(alertId)
                .filter(a -> AccessPolicy.reaches(caller, a))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("no alert " + alertId)))
                .flatMapMany(a -> {
                    Mono<DeliveryDisclosure.Readable> readable = readsContacts
                            ? contacts.ofSchool(a.district(), a.school()).collectList().map(DeliveryDisclosure.Readable::of)
                            : Mono.just(DeliveryDisclosure.Readable.NONE);
                    return readable.flatMapMany(r -> deliveries.ofAlert(alertId).map(r::disclose));
                });
    }

    /**
     * The person answering takes responsibility; the escalation chain stops. Only the alert's recipient, or someone
     * its chain would reach later, may (403 for anyone else who sees it). A second acknowledgement is a 409.
     */
    @PostMapping("/{alertId}/ack")
    Mono<AlertView> acknowledge(Caller caller, @PathVariable String alertId) {
        Actor actor = AccessPolicy.actor(caller, AccessPolicy.Family.ALERTS_ACK);
        return acknowledgements.acknowledge(alertId, a -> {
                    if (!AccessPolicy.reaches(caller, a)) {
                        return false;
                    }
                    if (!AcknowledgementAuthority.mayAcknowledge(caller, a, escalation.chainOf(a.school()))) {
                        throw ApiProblem.forbidden("only the alert's recipient, or someone its escalation chain "
                                + "reaches after them, acknowledges it; others add to the incident's timeline");
                    }
                    return true;
                }, actor)
                .map(outcome -> {
                    if (outcome instanceof Acknowledgements.Outcome.Acknowledged done) {
                        return AlertView.of(done.alert());
                    }
                    if (outcome instanceof Acknowledgements.Outcome.AlreadyAcknowledged earlier) {
                        throw ApiProblem.conflict("alert " + alertId + " was already acknowledged by "
                                + earlier.alert().acknowledgedBy());
                    }
                    throw ApiProblem.notFound("no alert " + alertId);
                });
    }

    /** The alerts of one petition that the caller may see (none of another school's or department's). */
    @GetMapping
    Flux<AlertView> forPetition(Caller caller, @RequestParam(required = false) String petitionId) {
        AccessPolicy.actingRole(caller, AccessPolicy.Family.ALERTS);
        if (petitionId == null || petitionId.isBlank()) {
            throw ApiProblem.invalid("petitionId", "query parameter is required");
        }
        return alerts.forPetition(caller.district(), petitionId)
                .filter(a -> AccessPolicy.reaches(caller, a))
                .map(AlertView::of);
    }
}
