package org.xinfang.notification.domain;

import java.time.Instant;

/**
 * The leader's (组长) or deputy's (副组长) answer to the request to activate the emergency plan, with who gave it
 * (the token's subject) and in which role.
 */
public record ActivationDecision(boolean approved, String by, String role, Instant at, String reason) {
}
