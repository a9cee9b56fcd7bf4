package org.xinfang.routing.web;

import java.net.URI;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.routing.domain.RuleScope;
import org.xinfang.routing.domain.RuleSet;
import org.xinfang.routing.domain.RuleSetChanges;
import org.xinfang.routing.persistence.RuleSetStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rule-set administration. A district's rule set overrides the plan's default for its schools; a school's overrides
 * its district's. Every save is validated, becomes a new immutable version, and records who, when, why and what
 * changed; the history endpoints are the audit trail.
 */
@RestController
class RuleSetController {

    private static final Logger log = LoggerFactory.getLogger(RuleSetController.class);
    private static final String BASE = "/api/v1/routing/rule-sets";

    private final RuleSetStore store;
    private final Clock clock;

    RuleSetController(RuleSetStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping(BASE + "/default")
    RuleSetView defaultRuleSet() {
        return RuleSetView.of(store.defaultRuleSet());
    }

    /** The rule set that routes the caller's school now (its own, its district's or the default). */
    @GetMapping(BASE + "/effective")
    Mono<RuleSetView> effective(@RequestHeader HttpHeaders headers) {
        Tenant tenant = Tenant.of(headers);
        return store.effectiveFor(tenant.district(), tenant.school()).map(RuleSetView::of);
    }

    @GetMapping(BASE + "/districts/{district}")
    Mono<RuleSetView> district(@PathVariable String district, @RequestHeader HttpHeaders headers) {
        Administrator.of(headers, district);
        return latest(RuleScope.district(district));
    }

    @GetMapping(BASE + "/districts/{district}/schools/{school}")
    Mono<RuleSetView> school(@PathVariable String district, @PathVariable String school, @RequestHeader HttpHeaders headers) {
        Administrator.of(headers, district);
        return latest(RuleScope.school(district, school));
    }

    @GetMapping(BASE + "/districts/{district}/history")
    Flux<RuleSetView> districtHistory(@PathVariable String district, @RequestHeader HttpHeaders headers) {
        Administrator.of(headers, district);
        return store.history(RuleScope.district(district)).map(RuleSetView::of);
    }

    @GetMapping(BASE + "/districts/{district}/schools/{school}/history")
    Flux<RuleSetView> schoolHistory(@PathVariable String district, @PathVariable String school,
                                    @RequestHeader HttpHeaders headers) {
        Administrator.of(headers, district);
        return store.history(RuleScope.school(district, school)).map(RuleSetView::of);
    }

    @PutMapping(BASE + "/districts/{district}")
    Mono<ResponseEntity<RuleSetView>> saveDistrict(@PathVariable String district, @RequestBody RuleSetRequest body,
                                                   @RequestHeader HttpHeaders headers) {
        Administrator admin = Administrator.of(headers, district);
        return save(RuleScope.district(district), body, admin, Mono.just(store.defaultRuleSet()));
    }

    @PutMapping(BASE + "/districts/{district}/schools/{school}")
    Mono<ResponseEntity<RuleSetView>> saveSchool(@PathVariable String district, @PathVariable String school,
                                                 @RequestBody RuleSetRequest body, @RequestHeader HttpHeaders headers) {
        Administrator admin = Administrator.of(headers, district);
        return save(RuleScope.school(district, school), body, admin, store.effectiveFor(district, null));
    }

    /**
     * Saves the next version when the caller edited the latest one; the changes are described against the version
     * replaced, or, for a scope's first version, against the rule set it overrides.
     */
    private Mono<ResponseEntity<RuleSetView>> save(RuleScope scope, RuleSetRequest body, Administrator admin,
                                                   Mono<RuleSet> overridden) {
        RuleSet proposed = body.toRuleSet(scope);
        int base = body.baseVersion();
        return store.latest(scope)
                .map(RuleSetStore.SavedRuleSet::ruleSet)
                .map(latest -> {
                    if (latest.version() != base) {
                        throw RequestProblem.conflict("rule set " + scope.key() + " is at version " + latest.version()
                                + ", this edit starts from " + base + ": reload and edit the latest");
                    }
                    return latest;
                })
                .switchIfEmpty(Mono.defer(() -> base == 0 ? overridden
                        : Mono.error(RequestProblem.conflict("rule set " + scope.key() + " has no version " + base))))
                .flatMap(previous -> store.saveNext(proposed, base, admin.name(), body.comment(),
                        RuleSetChanges.between(previous, proposed), clock.instant()))
                .switchIfEmpty(Mono.error(() -> RequestProblem.conflict(
                        "another administrator saved rule set " + scope.key() + " version " + (base + 1) + " first")))
                .map(saved -> {
                    log.info("rule set {} saved by {}: {}", saved.ruleSet().versionName(), admin.name(), saved.changes());
                    return ResponseEntity.created(URI.create(BASE + "/districts/" + scope.district()
                            + (scope.school() == null ? "" : "/schools/" + scope.school()))).body(RuleSetView.of(saved));
                });
    }

    private Mono<RuleSetView> latest(RuleScope scope) {
        return store.latest(scope).map(RuleSetView::of)
                .switchIfEmpty(Mono.error(() -> RequestProblem.notFound("no rule set saved for " + scope.key())));
    }
}
