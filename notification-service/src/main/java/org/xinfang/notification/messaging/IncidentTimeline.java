package org.xinfang.notification.messaging;

import java.time.Clock;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.xinfang.notification.domain.Actor;
import org.xinfang.notification.domain.Incident;
import org.xinfang.notification.domain.TimelineAction;
import org.xinfang.notification.domain.TimelineEntry;
import org.xinfang.notification.persistence.IncidentStore;
import reactor.core.publisher.Mono;

/** Records what was done on the scene, by whom and when, as the plan's accountability section asks. */
@Component
public class IncidentTimeline {

    private final IncidentStore incidents;
    private final Clock clock;

    IncidentTimeline(IncidentStore incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    /**
     * Appends the entry (once per entry id) and returns the incident; empty if there is no such incident
     * {@code visible} to the caller.
     */
    public Mono<Incident> record(String incidentId, Predicate<Incident> visible, String entryId, TimelineAction action,
                                 Actor by, String note) {
        TimelineEntry entry = TimelineEntry.of(entryId, action, by, clock.instant(), note);
        return incidents.byId(incidentId)
                .filter(visible)
                .flatMap(found -> incidents.record(incidentId, entry).then(incidents.byId(incidentId)));
    }
}
