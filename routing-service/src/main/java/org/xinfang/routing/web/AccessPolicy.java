package org.xinfang.routing.web;

import org.xinfang.kit.web.ApiProblem;
import org.xinfang.kit.web.FieldReason;
import java.util.regex.Pattern;
import org.xinfang.contracts.access.Caller;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.event.PetitionRouted;

/**
 * The routing family of docs/access.md, from the verified token's {@link Caller}. A role that may not use an endpoint at
 * all is refused with 403 before anything is read; a record outside the caller's tenancy (another district, another
 * school, another department's decision) answers 404 exactly like a missing one, so ids and districts cannot be probed.
 */
final class AccessPolicy {

    /** The same shape as the token's tenant claims: a school named in a path can be nothing else. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private AccessPolicy() {
    }

    /** Reading rule sets: the leadership group reads its school's effective rules, the administrator its district's. */
    static void mayReadRuleSets(Caller caller) {
        if (!caller.hasAny(Role.LEADER, Role.DEPUTY_LEADER, Role.ADMINISTRATOR)) {
            throw ApiProblem.forbidden("rule sets are read by the school's leadership group and the district's administrator");
        }
    }

    /**
     * The district administration endpoints (a district's or a school's own versions and their history, and saving
     * them): the administrator of that district only. Another district is not found rather than forbidden.
     */
    static void administers(Caller caller, String district) {
        if (!caller.has(Role.ADMINISTRATOR)) {
            throw ApiProblem.forbidden("rule sets are administered by the district's administrator only");
        }
        if (!caller.district().equals(district)) {
            throw ApiProblem.notFound("no rule set for district " + district);
        }
    }

    /** A school code named in a path, checked before it becomes part of a stored scope. */
    static String schoolCode(String school) {
        if (!CODE.matcher(school).matches()) {
            throw ApiProblem.invalid("school", "must be 1-64 letters, digits, '-' or '_'");
        }
        return school;
    }

    /** The dry run: a school's clerk and leadership group for their school, the administrator for the district. */
    static void mayDryRun(Caller caller) {
        if (!caller.hasAny(Role.CLERK, Role.LEADER, Role.DEPUTY_LEADER, Role.ADMINISTRATOR)) {
            throw ApiProblem.forbidden("the dry run is for the school's clerks and leadership group and the district's administrator");
        }
    }

    /** Decisions are read by those who read the petition itself: the school's clerks, leaders and the handling departments. */
    static void mayReadDecisions(Caller caller) {
        if (!caller.hasAny(Role.CLERK, Role.LEADER, Role.DEPUTY_LEADER, Role.DEPARTMENT_HANDLER)) {
            throw ApiProblem.forbidden("routing decisions are read by the petition's school only");
        }
    }

    /**
     * Whether a stored decision lies inside the caller's tenancy: its school for clerks and leaders; for a department
     * handler also its department, primary or co-handling.
     */
    static boolean reaches(Caller caller, PetitionRouted decision) {
        if (!caller.district().equals(decision.meta().district())
                || caller.school().filter(s -> s.equals(decision.meta().school())).isEmpty()) {
            return false;
        }
        if (caller.hasAny(Role.CLERK, Role.LEADER, Role.DEPUTY_LEADER)) {
            return true;
        }
        return caller.has(Role.DEPARTMENT_HANDLER) && caller.department()
                .filter(d -> d.equals(decision.department()) || decision.coDepartments().contains(d))
                .isPresent();
    }

    /**
     * The school whose effective rules a request uses: a school role's own school (naming another one is outside its
     * tenancy: 404); for the administrator the school asked for in its district, or the district itself when none is.
     */
    static String schoolOf(Caller caller, String requested) {
        if (caller.isDistrictWide()) {
            return requested == null || requested.isBlank() ? null : schoolCode(requested.strip());
        }
        String own = caller.school().orElseThrow();
        if (requested != null && !requested.isBlank() && !requested.strip().equals(own)) {
            throw ApiProblem.notFound("no school " + requested.strip() + " in this caller's tenancy");
        }
        return own;
    }
}
