package org.xinfang.reporting.web;

import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.contracts.event.DistrictReportUpdated;
import org.xinfang.reporting.messaging.DistrictUpdates;
import reactor.core.publisher.Flux;

/**
 * The bureau's live view: every new district-day snapshot as a server-sent event ({@code district-report}) the moment
 * it is folded, with a comment every 15 s so proxies keep the connection open.
 */
@RestController
class SubscriptionController {

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final DistrictUpdates updates;

    SubscriptionController(DistrictUpdates updates) {
        this.updates = updates;
    }

    @GetMapping(path = "/api/v1/subscriptions/districts/{district}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<DistrictReportUpdated>> stream(@PathVariable String district,
                                                        @RequestHeader(name = "X-District", required = false) String caller) {
        Tenancy.mustBe("X-District", caller, district);
        Flux<ServerSentEvent<DistrictReportUpdated>> snapshots = updates.of(district)
                .map(u -> ServerSentEvent.builder(u).id(u.meta().eventId()).event("district-report").build());
        Flux<ServerSentEvent<DistrictReportUpdated>> keepAlive = Flux.interval(KEEP_ALIVE)
                .map(i -> ServerSentEvent.<DistrictReportUpdated>builder().comment("keep-alive").build());
        return Flux.merge(snapshots, keepAlive);
    }
}
