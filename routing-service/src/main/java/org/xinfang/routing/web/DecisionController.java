package org.xinfang.routing.web;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.routing.persistence.DecisionStore;
import reactor.core.publisher.Mono;

/**
 * Routing decisions by petition. Another school's decision answers 404 like a missing one, so a caller cannot even
 * learn that a petition id exists elsewhere.
 */
@RestController
class DecisionController {

    private final DecisionStore decisions;

    DecisionController(DecisionStore decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/api/v1/routing/decisions/{petitionId}")
    Mono<DecisionView> decision(@PathVariable String petitionId, @RequestHeader HttpHeaders headers) {
        Tenant tenant = Tenant.of(headers);
        return decisions.latestForPetition(petitionId)
                .filter(routed -> tenant.district().equals(routed.meta().district())
                        && tenant.school().equals(routed.meta().school()))
                .map(DecisionView::of)
                .switchIfEmpty(Mono.error(() -> RequestProblem.notFound("no routing decision for petition " + petitionId)));
    }
}
