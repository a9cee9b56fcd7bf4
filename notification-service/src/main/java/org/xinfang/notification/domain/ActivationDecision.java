package org.xinfang.notification.domain;

import java.time.Instant;
import java.util.Set;

/**
 * The leader's (组长) answer to the request to activate the emergency plan; the deputy (副组长) may answer when the
 * request has escalated to them.
 */
public record ActivationDecision(boolean approved, String by, String role, Instant at, String reason) {

    public static final Set<String> ROLES_THAT_DECIDE = Set.of(RecipientRole.LEADER.name(), RecipientRole.DEPUTY.name());

    public static boolean mayDecide(String role) {
        return ROLES_THAT_DECIDE.contains(role);
    }
}
