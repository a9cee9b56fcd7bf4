package org.xinfang.reporting.messaging;

import org.xinfang.contracts.event.DistrictReportUpdated;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The live feed of district figures inside this process, for server-sent-event subscribers. Best effort per
 * subscriber: a subscriber too slow to keep up misses intermediate snapshots, never the latest one after the next fold.
 */
public final class DistrictUpdates {

    private final Sinks.Many<DistrictReportUpdated> sink = Sinks.many().multicast().directBestEffort();

    /** Called only from the single folding thread, so emissions never race. */
    void emit(DistrictReportUpdated update) {
        sink.tryEmitNext(update);
    }

    public Flux<DistrictReportUpdated> of(String district) {
        return sink.asFlux().filter(u -> u.meta().district().equals(district));
    }
}
