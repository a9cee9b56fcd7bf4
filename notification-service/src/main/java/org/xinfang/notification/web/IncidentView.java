package org.xinfang.notification.web;

import java.time.Instant;
import java.util.List;
import org.xinfang.notification.domain.ActivationDecision;
import org.xinfang.notification.domain.Incident;
import org.xinfang.notification.domain.TimelineEntry;

/** An incident as the API shows it, with the leader's decision and the timeline of what was done. */
record IncidentView(String incidentId, String petitionId, String level, String department, List<String> coDepartments,
                    String activation, boolean actedBeforeApproval, Instant openedAt, Decision decision,
                    List<Entry> timeline) {

    record Decision(boolean approved, String by, String role, Instant at, String reason) {
        static Decision of(ActivationDecision d) {
            return d == null ? null : new Decision(d.approved(), d.by(), d.role(), d.at(), d.reason());
        }
    }

    record Entry(String entryId, String action, String by, String name, String role, Instant at, String note) {
        static Entry of(TimelineEntry e) {
            return new Entry(e.entryId(), e.action().name(), e.by(), e.name(), e.role(), e.at(), e.note());
        }
    }

    static IncidentView of(Incident i) {
        return new IncidentView(i.incidentId(), i.petitionId(), i.level().name(), i.department(), i.coDepartments(),
                i.activation().name(), i.actedBeforeApproval(), i.openedAt(), Decision.of(i.decision()),
                i.timeline().stream().map(Entry::of).toList());
    }
}
