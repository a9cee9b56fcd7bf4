package org.xinfang.contracts.access;

/**
 * The claims every access token carries, whichever issuer signed it (the local issuer, Keycloak or another OIDC
 * provider mapped to the same names). The gateway and every service read the tenant from these claims only.
 */
public final class TokenClaims {

    /** The one audience every service accepts. */
    public static final String AUDIENCE = "xinfang-api";

    public static final String DISTRICT = "district";
    /** Required for school roles. */
    public static final String SCHOOL = "school";
    /** Required for {@link Role#DEPARTMENT_HANDLER}: the department code routing assigns, e.g. {@code LOGISTICS}. */
    public static final String DEPARTMENT = "department";
    /** A JSON array of {@link Role} names. */
    public static final String ROLES = "roles";
    /** A display name for audit trails; never a petitioner's. */
    public static final String NAME = "name";

    private TokenClaims() {
    }
}
