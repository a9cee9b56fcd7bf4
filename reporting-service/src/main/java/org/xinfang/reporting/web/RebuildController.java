package org.xinfang.reporting.web;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.contracts.access.Caller;
import org.xinfang.reporting.messaging.Rebuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Operators' rebuild: replays every input topic from the start into fresh collections and switches to them. Answers
 * when done with the event count and the generations. Not routed by the gateway; reached inside the cluster only,
 * and with an administrator's token.
 */
@RestController
class RebuildController {

    private final Rebuilder rebuilder;

    RebuildController(Rebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @PostMapping("/api/v1/admin/rebuild")
    Mono<Rebuilder.Result> rebuild(Caller caller) {
        ReportAccess.rebuild(caller);
        return Mono.fromCallable(rebuilder::rebuild).subscribeOn(Schedulers.boundedElastic());
    }
}
