package org.xinfang.notification.web;

import java.time.Instant;
import java.util.List;
import org.xinfang.notification.domain.Incident;

/** An incident as the API shows it. */
record IncidentView(String incidentId, String petitionId, String level, String department, List<String> coDepartments,
                    String activation, boolean actedBeforeApproval, Instant openedAt) {

    static IncidentView of(Incident i) {
        return new IncidentView(i.incidentId(), i.petitionId(), i.level().name(), i.department(), i.coDepartments(),
                i.activation().name(), i.actedBeforeApproval(), i.openedAt());
    }
}
