package org.xinfang.routing.web;

import org.xinfang.kit.web.ApiProblem;
import org.xinfang.kit.web.FieldReason;
import java.net.URI;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.contracts.access.Caller;
import org.xinfang.contracts.access.Role;
import org.xinfang.routing.domain.RuleScope;
import org.xinfang.routing.domain.RuleSet;
import org.xinfang.routing.domain.RuleSetChanges;
import org.xinfang.routing.persistence.RuleSetStore;
import org.xinfang.routing.persistence.RuleSetStore.Editor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rule-set administration. A district's rule set overrides the plan's default for its schools; a school's overrides
 * its district's. Every save is validated, becomes a new immutable version, and records who, when, why and what
 * changed; the history endpoints are the audit trail. Reading: the school's leadership group its effective rules, the
 * district's administrator everything of the district; changing: that administrator only (docs/access.md).
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
    RuleSetView defaultRuleSet(Caller caller) {
        AccessPolicy.mayReadRuleSets(caller);
        return RuleSetView.of(store.defaultRuleSet());
    }

    /**
     * The rule set that routes the caller's school now (its own, its district's or the default); for the administrator
     * the district's, or one of its schools' with {@code ?school=}.
     */
    @GetMapping(BASE + "/effective")
    Mono<RuleSetView> effective(@RequestParam(required = false) String school, Caller caller) {
        AccessPolicy.mayReadRuleSets(caller);
        return store.effectiveFor(caller.district(), AccessPolicy.schoolOf(caller, school)).map(RuleSetView::of);
    }

    @GetMapping(BASE + "/districts/{district}")
    Mono<RuleSetView> district(@PathVariable String district, Caller caller) {
        AccessPolicy.administers(caller, district);
        return latest(RuleScope.district(district));
    }

    @GetMapping(BASE + "/districts/{district}/schools/{school}")
    Mono<RuleSetView> school(@PathVariable String district, @PathVariable String school, Caller caller) {
        AccessPolicy.administers(caller, district);
        return latest(RuleScope.school(district, school));
    }

    @GetMapping(BASE + "/districts/{district}/history")
    Flux<RuleSetView> districtHistory(@PathVariable String district, Caller caller) {
        AccessPolicy.administers(caller, district);
        return store.history(RuleScope.district(district)).map(RuleSetView::of);
    }

    @GetMapping(BASE + "/districts/{district}/schools/{school}/history")
    Flux<RuleSetView> schoolHistory(@PathVariable String district, @PathVariable String school,
                                    Caller caller) {
        AccessPolicy.administers(caller, district);
        return store.history(RuleScope.school(district, school)).map(RuleSetView::of);
    }

    @PutMapping(BASE + "/districts/{district}")
    Mono<ResponseEntity<RuleSetView>> saveDistrict(@PathVariable String district, @RequestBody RuleSetRequest body,
                                                   Caller caller) {
        AccessPolicy.administers(caller, district);
        return save(RuleScope.district(district), body, editor(caller), Mono.just(store.defaultRuleSet()));
    }

    @PutMapping(BASE + "/districts/{district}/schools/{school}")
    Mono<ResponseEntity<RuleSetView>> saveSchool(@PathVariable String district, @PathVariable String school,
                                                 @RequestBody RuleSetRequest body, Caller caller) {
        AccessPolicy.administers(caller, district);
        RuleScope scope = RuleScope.school(district, AccessPolicy.schoolCode(school));
        return save(scope, body, editor(caller), store.effectiveFor(district, null));
    }

    /**
     * Saves the next version when the caller edited the latest one; the changes are described against the version
     * replaced, or, for a scope's first version, against the rule set it overrides.
     */
    private Mono<ResponseEntity<RuleSetView>> save(RuleScope scope, RuleSetRequest body, Editor admin,
                                                   Mono<RuleSet> overridden) {
        RuleSet proposed = body.toRuleSet(scope);
        int base = body.baseVersion();
        return store.latest(scope)
                .map(RuleSetStore.SavedRuleSet::ruleSet)
                .map(latest -> {
                    if (latest.version() != base) {
                        throw ApiProblem.conflict("rule set " + scope.key() + " is at version " + latest.version()
                                + ", this edit starts from " + base + ": reload and edit the latest");
                    }
                    return latest;
                })
                .switchIfEmpty(Mono.defer(() -> base == 0 ? overridden
                        : Mono.error(ApiProblem.conflict("rule set " + scope.key() + " has no version " + base))))
                .flatMap(previous -> store.saveNext(proposed, base, admin, body.comment(),
                        RuleSetChanges.between(previous, proposed), clock.instant()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.conflict(
                        "another administrator saved rule set " + scope.key() + " version " + (base + 1) + " first")))
                .map(saved -> {
                    log.info("rule set {} saved by {} ({}): {}", saved.ruleSet().versionName(), admin.subject(), admin.role(),
                            saved.changes());
                    return ResponseEntity.created(URI.create(BASE + "/districts/" + scope.district()
                            + (scope.school() == null ? "" : "/schools/" + scope.school()))).body(RuleSetView.of(saved));
                });
    }

    /** The audit trail's who: the token's subject and name, and the role that allowed the change. */
    private static Editor editor(Caller caller) {
        return new Editor(caller.subject(), caller.name(), Role.ADMINISTRATOR.name());
    }

    private Mono<RuleSetView> latest(RuleScope scope) {
        return store.latest(scope).map(RuleSetView::of)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("no rule set saved for " + scope.key())));
    }
}
