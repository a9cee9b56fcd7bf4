package org.xinfang.routing.web;

import org.springframework.http.HttpHeaders;

/**
 * The caller of an administration request. Until tokens arrive (issue 3) the gateway's {@code X-Role} header says
 * the caller is an administrator and {@code X-User} names them for the audit trail.
 */
record Administrator(String name, Tenant tenant) {

    static final String ROLE = "X-Role";
    static final String USER = "X-User";
    static final String ADMINISTRATOR = "ADMINISTRATOR";

    /** The administrator of {@code district}, or a refusal: 400 without tenancy, 403 for another role or district. */
    static Administrator of(HttpHeaders headers, String district) {
        Tenant tenant = Tenant.districtOf(headers);
        if (!ADMINISTRATOR.equals(headers.getFirst(ROLE))) {
            throw RequestProblem.forbidden("rule sets are changed by administrators only (X-Role: ADMINISTRATOR)");
        }
        if (!tenant.district().equals(district)) {
            throw RequestProblem.forbidden("an administrator of " + tenant.district() + " cannot manage " + district);
        }
        String user = headers.getFirst(USER);
        return new Administrator(user == null || user.isBlank() ? "administrator" : user.strip(), tenant);
    }
}
