package org.xinfang.routing.web;

import org.xinfang.kit.web.ApiProblem;
import org.xinfang.kit.web.FieldReason;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.contracts.access.Caller;
import org.xinfang.routing.persistence.DecisionStore;
import reactor.core.publisher.Mono;

/**
 * Routing decisions by petition, for those who may read the petition (docs/access.md). A decision of another school,
 * or routed to another department for a department handler, answers 404 like a missing one, so a caller cannot even
 * learn that a petition id exists elsewhere.
 */
@RestController
class DecisionController {

    private final DecisionStore decisions;

    DecisionController(DecisionStore decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/api/v1/routing/decisions/{petitionId}")
    Mono<DecisionView> decision(@PathVariable String petitionId, Caller caller) {
        AccessPolicy.mayReadDecisions(caller);
        return decisions.latestForPetition(petitionId)
                .filter(routed -> AccessPolicy.reaches(caller, routed))
                .map(DecisionView::of)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("no routing decision for petition " + petitionId)));
    }
}
