package org.xinfang.reporting.web;

import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.contracts.access.Caller;
import org.xinfang.contracts.event.DistrictReportUpdated;
import org.xinfang.reporting.messaging.DistrictUpdates;
import reactor.core.publisher.Flux;

/**
 * The bureau's live view: every new district-day snapshot as a server-sent event ({@code district-report}) the moment
 * it is folded, with a comment every 15 s so proxies keep the connection open. The snapshots hold every school's
 * figures, so the stream is the bureau's, as the district-wide reports are; a school's users read their own report.
 */
@RestController
class SubscriptionController {

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final DistrictUpdates updates;

    SubscriptionController(DistrictUpdates updates) {
        this.updates = updates;
    }

    @GetMapping(path = "/api/v1/subscriptions/districts/{district}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<DistrictReportUpdated>> stream(@PathVariable String district, Caller caller) {
        ReportAccess.districtFigures(caller, district);
        Flux<ServerSentEvent<DistrictReportUpdated>> snapshots = updates.of(district)
                .map(u -> ServerSentEvent.builder(u).id(u.meta().eventId()).event("district-report").build());
        // The first comment at once: it sends the response headers, so a client knows at once it is subscribed.
        Flux<ServerSentEvent<DistrictReportUpdated>> keepAlive = Flux.interval(Duration.ZERO, KEEP_ALIVE)
                .map(i -> ServerSentEvent.<DistrictReportUpdated>builder().comment("keep-alive").build());
        return Flux.merge(snapshots, keepAlive);
    }
}
