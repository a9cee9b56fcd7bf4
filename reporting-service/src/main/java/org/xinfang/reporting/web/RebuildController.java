package org.xinfang.reporting.web;

import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.contracts.access.Caller;
import org.xinfang.reporting.config.ReportingProperties;
import org.xinfang.reporting.messaging.Rebuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Operators' rebuild: replays every input topic from the start into fresh collections and switches to them. Answers
 * when done with the event count and the generations. Not routed by the gateway; reached inside the cluster only.
 * Because it replays every district, it is an operator's action: an administrator's token whose subject is one of
 * {@code xinfang.reporting.operators}. A district's administrator is not an operator of the whole suite.
 */
@RestController
class RebuildController {

    private final Rebuilder rebuilder;
    private final Set<String> operators;

    RebuildController(Rebuilder rebuilder, ReportingProperties settings) {
        this.rebuilder = rebuilder;
        this.operators = Set.copyOf(settings.operators());
    }

    @PostMapping("/api/v1/admin/rebuild")
    Mono<Rebuilder.Result> rebuild(Caller caller) {
        ReportAccess.rebuild(caller, operators);
        return Mono.fromCallable(rebuilder::rebuild).subscribeOn(Schedulers.boundedElastic());
    }
}
