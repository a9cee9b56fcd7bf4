package org.xinfang.intake.domain;

import java.util.Locale;
import java.util.Optional;

/** The roles that act on petitions. Until tokens arrive they come from the {@code X-Role} header. */
public enum Role {
    /** School duty officer, gate or petition clerk: registers petitions and requests for review. */
    CLERK,
    /** A school department handling the petitions routed to it. */
    DEPARTMENT,
    /** The leadership group's leader (组长): the unit's head, who approves extensions. */
    LEADER,
    /** 副组长 */
    DEPUTY,
    /** The district education bureau. */
    BUREAU,
    /** Another service acting through an event. */
    SYSTEM,
    /** A request that named no role (registration through a bare gateway). */
    UNSPECIFIED;

    public static Optional<Role> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            Role role = valueOf(header.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            return role == SYSTEM || role == UNSPECIFIED ? Optional.empty() : Optional.of(role);
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** The petitioner's identity must not reach the unit complained about: only the clerk and the leader see it. */
    public boolean seesIdentity() {
        return this == CLERK || this == LEADER;
    }
}
