package org.xinfang.routing.web;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.contracts.access.Caller;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.routing.domain.PetitionRouter;
import org.xinfang.routing.domain.RoutingDecision;
import org.xinfang.routing.persistence.RuleSetStore;
import reactor.core.publisher.Mono;

/**
 * Shows how a petition would be routed under the caller's school's current rule set, with every reason, and stores
 * and publishes nothing: for clerks and leaders checking a registration, and administrators trying a rule-set change
 * (the district's rules, or one school's with {@code ?school=}).
 */
@RestController
class DryRunController {

    private final PetitionRouter router;
    private final RuleSetStore ruleSets;
    private final Clock clock;

    DryRunController(PetitionRouter router, RuleSetStore ruleSets, Clock clock) {
        this.router = router;
        this.ruleSets = ruleSets;
        this.clock = clock;
    }

    @PostMapping("/api/v1/routing/dry-run")
    Mono<DryRunView> dryRun(@RequestBody DryRunRequest body, @RequestParam(required = false) String school, Caller caller) {
        AccessPolicy.mayDryRun(caller);
        String rulesOf = AccessPolicy.schoolOf(caller, school);
        var facts = body.toFacts(clock.instant());
        return ruleSets.effectiveFor(caller.district(), rulesOf)
                .map(rules -> DryRunView.of(router.route(facts, rules)));
    }

    record DryRunView(Subject subject, String department, List<String> coDepartments, EmergencyLevel level,
                      Set<String> riskSignals, List<String> reasons, String ruleSetVersion) {

        static DryRunView of(RoutingDecision d) {
            Set<String> signals = new TreeSet<>();
            d.riskSignals().forEach(s -> signals.add(s.name()));
            return new DryRunView(d.subject(), d.department(), d.coDepartments(), d.level(), signals, d.reasons(),
                    d.ruleSetVersion());
        }
    }
}
