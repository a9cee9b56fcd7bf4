package org.xinfang.notification.web;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.notification.persistence.IncidentStore;
import reactor.core.publisher.Mono;

/** Incidents of the caller's school; another school's incident answers 404. */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentController {

    private final IncidentStore incidents;

    IncidentController(IncidentStore incidents) {
        this.incidents = incidents;
    }

    @GetMapping("/{incidentId}")
    Mono<IncidentView> byId(ServerHttpRequest request, @PathVariable String incidentId) {
        Tenant tenant = Tenant.of(request);
        return incidents.byId(incidentId)
                .filter(i -> i.school().equals(tenant.school()) && i.district().equals(tenant.district()))
                .map(IncidentView::of)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("no incident " + incidentId)));
    }
}
