package org.xinfang.notification.domain;

import org.xinfang.contracts.vocabulary.AlertKind;

/** One alert the policy asks for: what kind, to which role (and, for departments, which one). */
public record PlannedAlert(AlertKind kind, RecipientRole role, String department) {
}
