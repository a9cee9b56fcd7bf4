package org.xinfang.notification.domain;

import java.time.Instant;
import org.xinfang.contracts.vocabulary.AlertKind;

/**
 * A school's decision to stop channel deliveries of matching non-critical alerts until {@code endsAt} (for example
 * while a known, already handled group stays at the gate). Empty matchers match everything. Alerts are still
 * stored, shown and escalated; only the channels stay quiet. Critical alerts are never silenced.
 */
public record Silence(String silenceId, String district, String school, AlertKind kind, RecipientRole role,
                      String department, Instant endsAt, String createdBy, String comment) {

    public boolean silences(Alert alert, Instant now) {
        return now.isBefore(endsAt)
                && school.equals(alert.school()) && district.equals(alert.district())
                && (kind == null || kind == alert.kind())
                && (role == null || role == alert.currentRole())
                && (department == null || department.equals(alert.department()));
    }
}
