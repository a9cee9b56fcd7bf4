package org.xinfang.notification.web;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.notification.persistence.AlertStore;
import reactor.core.publisher.Flux;

/** Alerts of the caller's school; another school's alerts are simply not there. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

    private final AlertStore alerts;

    AlertController(AlertStore alerts) {
        this.alerts = alerts;
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
