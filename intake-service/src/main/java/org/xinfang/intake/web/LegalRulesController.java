package org.xinfang.intake.web;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.contracts.access.Caller;
import org.xinfang.intake.domain.LegalRules;
import org.xinfang.intake.messaging.ConcurrentChangeException;
import org.xinfang.intake.persistence.LegalRulesStore;
import org.xinfang.intake.persistence.LegalTimes;
import reactor.core.publisher.Mono;

/**
 * The district's legal rules: {@code GET /api/v1/legal-rules} (in force: the district's latest, else the defaults),
 * {@code PUT} (the administrator saves a new version, checked whole) and {@code GET /api/v1/legal-rules/history}.
 * A saved version applies to deadlines counted from then on; those already counted keep theirs.
 */
@RestController
class LegalRulesController {

    private static final Logger log = LoggerFactory.getLogger(LegalRulesController.class);

    private final LegalRulesStore rules;
    private final LegalTimes legalTimes;
    private final Clock clock;

    LegalRulesController(LegalRulesStore rules, LegalTimes legalTimes, Clock clock) {
        this.rules = rules;
        this.legalTimes = legalTimes;
        this.clock = clock;
    }

    @GetMapping("/api/v1/legal-rules")
    Mono<LegalRulesView> inForce(Caller caller) {
        return legalTimes.rulesOf(caller.district()).map(LegalRulesView::of);
    }

    @GetMapping("/api/v1/legal-rules/history")
    Mono<History> history(Caller caller) {
        return rules.history(caller.district()).map(LegalRulesView::of).collectList()
                .map(versions -> new History(LegalRulesView.of(legalTimes.defaults()), versions));
    }

    @PutMapping("/api/v1/legal-rules")
    Mono<LegalRulesView> save(Caller caller, @RequestBody(required = false) byte[] body) {
        SettingsAccess.requireAdministrator(caller);
        LegalRulesReader.read(body, caller.district(), 1, clock.instant(), caller.subject());
        return rules.latest(caller.district()).map(LegalRules::version).defaultIfEmpty(0)
                .flatMap(latest -> rules.insert(LegalRulesReader.read(body, caller.district(), latest + 1,
                        clock.instant().truncatedTo(ChronoUnit.MILLIS), caller.subject())))
                .switchIfEmpty(Mono.error(() -> new ConcurrentChangeException("legal rules")))
                .doOnNext(saved -> {
                    legalTimes.forget(caller.district());
                    log.info("legal rules {} saved by {}", saved.versionName(), caller.subject());
                })
                .map(LegalRulesView::of);
    }

    record History(LegalRulesView defaults, List<LegalRulesView> versions) {
    }
}
