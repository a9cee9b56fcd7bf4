package org.xinfang.notification.web;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.notification.persistence.AlertStore;
import org.xinfang.notification.messaging.Acknowledgements;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Alerts of the caller's school; another school's alerts are simply not there. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

    private final AlertStore alerts;
    private final Acknowledgements acknowledgements;

    AlertController(AlertStore alerts, Acknowledgements acknowledgements) {
        this.alerts = alerts;
        this.acknowledgements = acknowledgements;
    }

    /** The person answering takes responsibility; the escalation chain stops. A second acknowledgement is a 409. */
    @PostMapping("/{alertId}/ack")
    Mono<AlertView> acknowledge(ServerHttpRequest request, @PathVariable String alertId) {
        Tenant tenant = Tenant.of(request);
        Actor actor = Actor.of(request);
        return acknowledgements.acknowledge(alertId, tenant.district(), tenant.school(), actor.userId(), actor.role())
                .map(outcome -> {
                    if (outcome instanceof Acknowledgements.Outcome.Acknowledged done) {
                        return AlertView.of(done.alert());
                    }
                    if (outcome instanceof Acknowledgements.Outcome.AlreadyAcknowledged earlier) {
                        throw new ConflictException("alert " + alertId + " was already acknowledged by "
                                + earlier.alert().acknowledgedBy());
                    }
                    throw new NotFoundException("no alert " + alertId);
                });
    }

    @GetMapping
    Flux<AlertView> forPetition(ServerHttpRequest request, @RequestParam(required = false) String petitionId) {
        Tenant tenant = Tenant.of(request);
        if (petitionId == null || petitionId.isBlank()) {
            throw new InvalidRequestException("petitionId", "query parameter is required");
        }
        return alerts.forPetition(tenant.district(), tenant.school(), petitionId).map(AlertView::of);
    }
}
