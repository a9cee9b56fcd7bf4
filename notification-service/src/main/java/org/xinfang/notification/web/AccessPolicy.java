package org.xinfang.notification.web;

import org.xinfang.kit.web.ApiProblem;
import static org.xinfang.contracts.access.Role.ADMINISTRATOR;
import static org.xinfang.contracts.access.Role.BUREAU_ANALYST;
import static org.xinfang.contracts.access.Role.BUREAU_DUTY_OFFICER;
import static org.xinfang.contracts.access.Role.CLERK;
import static org.xinfang.contracts.access.Role.DEPARTMENT_HANDLER;
import static org.xinfang.contracts.access.Role.DEPUTY_LEADER;
import static org.xinfang.contracts.access.Role.LEADER;

import java.util.List;
import java.util.regex.Pattern;
import org.xinfang.contracts.access.Caller;
import org.xinfang.contracts.access.Role;
import org.xinfang.notification.domain.Actor;
import org.xinfang.notification.domain.Alert;
import org.xinfang.notification.domain.Incident;
import org.xinfang.notification.domain.RecipientRole;

/**
 * The access matrix of docs/access.md for this service's resource families. A role that may not use a family at all
 * is refused with 403; a record outside the caller's tenancy is answered 404, exactly like an id that does not exist.
 */
final class AccessPolicy {

    /** A resource family and the roles that may use it, in the order the acting role is chosen for the record. */
    enum Family {
        ALERTS("alerts are read and acknowledged by the school's clerk and leaders, the department addressed, and the bureau's duty office",
                CLERK, LEADER, DEPUTY_LEADER, DEPARTMENT_HANDLER, BUREAU_DUTY_OFFICER),
        ALERTS_ACK("alerts are acknowledged by their recipients and those their escalation chain reaches: the school's "
                + "leaders, the department addressed, and the bureau's duty office",
                LEADER, DEPUTY_LEADER, DEPARTMENT_HANDLER, BUREAU_DUTY_OFFICER),
        INCIDENTS_READ("incidents are read by the school's clerk and leaders and by the bureau",
                LEADER, DEPUTY_LEADER, CLERK, BUREAU_DUTY_OFFICER, BUREAU_ANALYST),
        INCIDENTS_DECIDE("only the school's leader or deputy leader approves or declines the plan", LEADER, DEPUTY_LEADER),
        INCIDENTS_TIMELINE("the scene record is kept by the school's clerk and leaders and by the bureau's duty office",
                LEADER, DEPUTY_LEADER, CLERK, BUREAU_DUTY_OFFICER),
        CONTACTS_READ("contacts are read by the school's leaders and the district's administrators",
                ADMINISTRATOR, LEADER, DEPUTY_LEADER),
        CONTACTS_CHANGE("contacts are changed by the district's administrators only", ADMINISTRATOR),
        SILENCES("silences are set by the school's leaders and the district's administrators",
                LEADER, DEPUTY_LEADER, ADMINISTRATOR),
        SILENCES_READ("the record of silences is read by the school's leaders, the district's administrators and the "
                + "bureau's duty office", LEADER, DEPUTY_LEADER, ADMINISTRATOR, BUREAU_DUTY_OFFICER);

        private final String refusal;
        private final List<Role> roles;

        Family(String refusal, Role... roles) {
            this.refusal = refusal;
            this.roles = List.of(roles);
        }
    }

    /** The routing table's code of 办公室. */
    static final String GENERAL_OFFICE = "GENERAL_OFFICE";
    private static final Pattern SCHOOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private AccessPolicy() {
    }

    /** The role the caller acts in on this family; 403 if it holds none that may. */
    static Role actingRole(Caller caller, Family family) {
        return family.roles.stream().filter(caller::has).findFirst()
                .orElseThrow(() -> ApiProblem.forbidden(family.refusal));
    }

    /** Whether the caller holds a role of this family, without refusing. */
    static boolean may(Caller caller, Family family) {
        return family.roles.stream().anyMatch(caller::has);
    }

    /** The caller as recorded in audit trails, acting in its role for this family (403 if it has none). */
    static Actor actor(Caller caller, Family family) {
        return new Actor(caller.subject(), caller.name(), actingRole(caller, family).name());
    }

    /**
     * Whether the caller sees this alert: the bureau's duty office every alert of its district; the school's clerk and
     * leaders every alert of their school; a department handler only alerts addressed to its own department.
     */
    static boolean reaches(Caller caller, Alert alert) {
        if (!caller.district().equals(alert.district())) {
            return false;
        }
        if (caller.has(BUREAU_DUTY_OFFICER)) {
            return true;
        }
        if (!caller.school().map(alert.school()::equals).orElse(false)) {
            return false;
        }
        if (caller.hasAny(CLERK, LEADER, DEPUTY_LEADER)) {
            return true;
        }
        if (!caller.has(DEPARTMENT_HANDLER)) {
            return false;
        }
        String department = caller.department().orElse("");
        // The General Office (办公室) supervises every petition: lapsed limits are addressed to it.
        return alert.recipientRole() == RecipientRole.DEPARTMENT ? department.equals(alert.department())
                : alert.recipientRole() == RecipientRole.GENERAL_OFFICE && GENERAL_OFFICE.equals(department);
    }

    /** The school's staff see their school's incidents; the bureau sees every incident of its district. */
    static boolean reaches(Caller caller, Incident incident) {
        return caller.reaches(incident.district(), incident.school());
    }

    /**
     * The school whose contacts or silences a request is about. A school role always means its own school (naming
     * another answers 404). A district role chooses a school of its own district, or none for the district's own
     * records (the bureau's contacts); the district itself always comes from the token.
     */
    static String school(Caller caller, String requested) {
        boolean named = requested != null && !requested.isBlank();
        if (caller.isDistrictWide()) {
            if (!named) {
                return null;
            }
            if (!SCHOOL.matcher(requested).matches()) {
                throw ApiProblem.invalid("school", "1 to 64 letters, digits, '-' or '_'");
            }
            return requested;
        }
        String own = caller.school().orElseThrow(() -> ApiProblem.forbidden("a school role needs a school"));
        if (named && !requested.equals(own)) {
            throw ApiProblem.notFound("no school " + requested);
        }
        return own;
    }
}
