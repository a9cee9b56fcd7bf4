package org.xinfang.contracts.access;

import java.util.Locale;
import java.util.Optional;

/**
 * The roles a token can carry. Each belongs either to one school, to the district's education bureau, or to the
 * district's administration; {@link #scope()} says which, and so which tenant claims the token must carry.
 */
public enum Role {
    /** 值班/门卫/信访 clerk: registers visits and petitions, accepts them, keeps the record. */
    CLERK("信访值班员", Scope.SCHOOL),
    /** A school department handling the petitions routed to it; never sees who complained. */
    DEPARTMENT_HANDLER("部门承办人", Scope.SCHOOL),
    /** 领导小组组长: the unit's head; approves extensions and the emergency plan. */
    LEADER("领导小组组长", Scope.SCHOOL),
    /** 副组长: stands in for the leader. */
    DEPUTY_LEADER("领导小组副组长", Scope.SCHOOL),
    /** The bureau's analyst: district aggregates, never a petitioner's identity. */
    BUREAU_ANALYST("教育局统计人员", Scope.DISTRICT),
    /** The bureau's duty office: receives emergency alerts and follows incidents across the district. */
    BUREAU_DUTY_OFFICER("教育局值班室", Scope.DISTRICT),
    /** Changes routing rules and contacts for the district. */
    ADMINISTRATOR("系统管理员", Scope.DISTRICT);

    /** Where a role's authority ends. */
    public enum Scope {
        SCHOOL, DISTRICT
    }

    private final String chineseName;
    private final Scope scope;

    Role(String chineseName, Scope scope) {
        this.chineseName = chineseName;
        this.scope = scope;
    }

    /** The role as the school's plan and the bureau name it, for every text a person reads. */
    public String chineseName() {
        return chineseName;
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
