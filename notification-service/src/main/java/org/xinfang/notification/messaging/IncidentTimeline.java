package org.xinfang.notification.messaging;

import java.time.Clock;
import org.springframework.stereotype.Component;
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

    /** Appends the entry (once per entry id) and returns the incident; empty if there is no such incident here. */
    public Mono<Incident> record(String incidentId, String district, String school, String entryId,
                                 TimelineAction action, String by, String role, String note) {
        TimelineEntry entry = new TimelineEntry(entryId, action, by, role, clock.instant(), note);
        return incidents.byId(incidentId)
                .filter(i -> i.school().equals(school) && i.district().equals(district))
                .flatMap(found -> incidents.record(incidentId, entry).then(incidents.byId(incidentId)));
    }
}
