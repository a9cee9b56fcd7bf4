package org.xinfang.reporting.web;

import org.xinfang.kit.web.ApiProblem;
import java.util.regex.Pattern;
import org.xinfang.contracts.access.Caller;
import org.xinfang.contracts.access.Role;

/**
 * Who may read which figures (docs/access.md, {@code reports} and {@code subscriptions}), decided from the verified
 * token's {@link Caller} only. A role that may not use a family at all is refused with 403 before anything is looked
 * up; a district or school outside the caller's tenancy answers 404, exactly like one that does not exist.
 */
final class ReportAccess {

    /** District and school ids as tokens carry them; anything else in a path is refused before it reaches the store. */
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private ReportAccess() {
    }

    /** District-wide figures (summary, top-N across schools, overdue list, CSV, live stream): the bureau of that district. */
    static void districtFigures(Caller caller, String district) {
        valid("district", district);
        if (!caller.hasAny(Role.BUREAU_ANALYST, Role.BUREAU_DUTY_OFFICER)) {
            throw ApiProblem.forbidden("district-wide figures are for the education bureau");
        }
        if (!caller.district().equals(district)) {
            throw ApiProblem.notFound("no report for district " + district);
        }
    }

    /**
     * One school's figures: the school's clerk and leadership group for their own school, the bureau for a school of
     * its district. Answers the district to read, always the caller's own, so no other district is ever read; whether
     * the bureau's school is one of that district is for {@link SchoolScope} to find out.
     */
    static String schoolFigures(Caller caller, String school) {
        valid("school", school);
        if (caller.hasAny(Role.BUREAU_ANALYST, Role.BUREAU_DUTY_OFFICER)) {
            return caller.district();
        }
        if (!caller.hasAny(Role.CLERK, Role.LEADER, Role.DEPUTY_LEADER)) {
            throw ApiProblem.forbidden("school figures are for the school's clerk and leadership group and the bureau");
        }
        if (!caller.school().map(school::equals).orElse(false)) {
            throw noSuchSchool(school);
        }
        return caller.district();
    }

    /** The same answer for a school of another tenancy and for one that does not exist. */
    static ApiProblem noSuchSchool(String school) {
        return ApiProblem.notFound("no report for school " + school);
    }

    /** Webhook subscriptions: the bureau's analyst and the district's administrator. */
    static void webhooks(Caller caller, String district) {
        valid("district", district);
        if (!caller.hasAny(Role.BUREAU_ANALYST, Role.ADMINISTRATOR)) {
            throw ApiProblem.forbidden("webhook subscriptions are for the bureau's analyst and the district's administrator");
        }
        if (!caller.district().equals(district)) {
            throw ApiProblem.notFound("no subscriptions for district " + district);
        }
    }

    /** The rebuild replays every district's events: an administrator's operation, inside the cluster only. */
    /** A rebuild replays every district: an administrator who is also one of the suite's operators. */
    static void rebuild(Caller caller, java.util.Set<String> operators) {
        if (!caller.has(Role.ADMINISTRATOR) || !operators.contains(caller.subject())) {
            throw ApiProblem.forbidden("a rebuild replays every district: it is an operator's action "
                    + "(an administrator listed in xinfang.reporting.operators)");
        }
    }

    /** The role written next to the subject in audit records. */
    static String roleOf(Caller caller) {
        return String.join(",", caller.roles().stream().map(Role::name).sorted().toList());
    }

    private static void valid(String field, String value) {
        if (value == null || !TENANT.matcher(value).matches()) {
            throw ApiProblem.invalid(field, "1-64 letters, digits, '-' or '_'");
        }
    }
}
