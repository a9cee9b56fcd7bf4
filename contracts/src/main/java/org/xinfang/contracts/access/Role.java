package org.xinfang.contracts.access;

import java.util.Locale;
import java.util.Optional;

/**
 * The roles a token can carry. Each belongs either to one school, to the district's education bureau, or to the
 * district's administration; {@link #scope()} says which, and so which tenant claims the token must carry.
 */
public enum Role {
    /** 值班/门卫/信访 clerk: registers visits and petitions, accepts them, keeps the record. */
    CLERK(Scope.SCHOOL),
    /** A school department handling the petitions routed to it; never sees who complained. */
    DEPARTMENT_HANDLER(Scope.SCHOOL),
    /** 领导小组组长: the unit's head; approves extensions and the emergency plan. */
    LEADER(Scope.SCHOOL),
    /** 副组长: stands in for the leader. */
    DEPUTY_LEADER(Scope.SCHOOL),
    /** The bureau's analyst: district aggregates, never a petitioner's identity. */
    BUREAU_ANALYST(Scope.DISTRICT),
    /** The bureau's duty office: receives emergency alerts and follows incidents across the district. */
    BUREAU_DUTY_OFFICER(Scope.DISTRICT),
    /** Changes routing rules and contacts for the district. */
    ADMINISTRATOR(Scope.DISTRICT);

    /** Where a role's authority ends. */
    public enum Scope {
        SCHOOL, DISTRICT
    }

    private final Scope scope;

    Role(Scope scope) {
        this.scope = scope;
    }

    public Scope scope() {
        return scope;
    }

    /** The role named by a claim value such as {@code "clerk"} or {@code "DEPARTMENT_HANDLER"}. */
    public static Optional<Role> named(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
