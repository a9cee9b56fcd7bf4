package org.xinfang.notification.domain;

import java.time.Instant;
import java.util.Set;
import org.xinfang.contracts.vocabulary.AlertKind;

/**
 * A school's decision to stop channel deliveries of matching non-critical alerts until {@code endsAt} (for example
 * while a known, already handled group stays at the gate). Empty matchers match everything. Alerts are still
 * stored, shown and escalated; only the channels stay quiet. Critical alerts are never silenced, nor what goes to
 * the bureau or to the General Office's supervision: a school may not quiet those who oversee it.
 *
 * <p>Ending a silence early records who ended it and when, next to when it was meant to end; nothing is overwritten.
 */
public record Silence(String silenceId, String district, String school, AlertKind kind, RecipientRole role,
                      String department, Instant endsAt, String createdBy, String comment, String createdRole,
                      Instant createdAt, Instant endedAt, String endedBy, String endedRole) {

    /** Recipients a school's silence never reaches. */
    public static final Set<RecipientRole> OVERSIGHT = Set.of(RecipientRole.BUREAU_DUTY, RecipientRole.BUREAU_ANALYST,
            RecipientRole.GENERAL_OFFICE);
    /** Alert kinds a school's silence never reaches: the report to the bureau and the lapse of a legal limit. */
    public static final Set<AlertKind> OVERSEEN = Set.of(AlertKind.BUREAU_ALERT, AlertKind.DEADLINE_LAPSED);

    public boolean silences(Alert alert, Instant now) {
        return endedAt == null && now.isBefore(endsAt)
                && school.equals(alert.school()) && district.equals(alert.district())
                && !OVERSIGHT.contains(alert.currentRole()) && !OVERSEEN.contains(alert.kind())
                && (kind == null || kind == alert.kind())
                && (role == null || role == alert.currentRole())
                && (department == null || department.equals(alert.department()));
    }

    public boolean active(Instant now) {
        return endedAt == null && now.isBefore(endsAt);
    }

    public Silence endedBy(Actor by, Instant at) {
        return new Silence(silenceId, district, school, kind, role, department, endsAt, createdBy, comment,
                createdRole, createdAt, at, by.subject(), by.role());
    }
}
