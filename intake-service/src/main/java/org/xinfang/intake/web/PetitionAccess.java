package org.xinfang.intake.web;

import org.xinfang.kit.web.ApiProblem;
import static org.xinfang.contracts.access.Role.CLERK;
import static org.xinfang.contracts.access.Role.DEPARTMENT_HANDLER;
import static org.xinfang.contracts.access.Role.DEPUTY_LEADER;
import static org.xinfang.contracts.access.Role.LEADER;

import java.util.List;
import java.util.Set;
import org.xinfang.contracts.access.Caller;
import org.xinfang.contracts.access.Role;
import org.xinfang.intake.domain.Actor;
import org.xinfang.intake.domain.Petition;
import org.xinfang.intake.domain.DepartmentAssignment;

/**
 * Who may use petitions and visits (docs/access.md), from the verified token's {@link Caller} only.
 * <ul>
 * <li>The school's clerk, leader and deputy leader register petitions and keep the gate register; they see the whole
 * school's petitions, with the petitioners' identity.</li>
 * <li>A department handler sees only the petitions routed to its department (or co-handled by it), never who
 * petitioned, and acts only on those routed to it; any other petition is not found.</li>
 * <li>The bureau and the administration have no access to petitions or visits: 403.</li>
 * </ul>
 * A petition of another school or district is not found, exactly like an id that does not exist.
 */
final class PetitionAccess {

    /** In the order a caller holding several of them acts in: the broadest first. */
    private static final List<Role> WHOLE_SCHOOL = List.of(LEADER, DEPUTY_LEADER, CLERK);

    private PetitionAccess() {
    }

    /** Registering a petition, and the gate register (visits). */
    static void requireRegistering(Caller caller) {
        if (!wholeSchool(caller)) {
            throw ApiProblem.forbidden(
                    "only a school's clerk, leader or deputy leader registers petitions and keeps the gate register");
        }
    }

    /** Reading petitions, their lists and inboxes, and taking life-cycle steps. */
    static void requirePetitions(Caller caller) {
        if (!wholeSchool(caller) && !caller.has(DEPARTMENT_HANDLER)) {
            throw ApiProblem.forbidden(
                    "petitions are open to a school's clerk, department handlers, leader and deputy leader");
        }
    }

    /** The school's own staff see the whole school; a handler only its department's share. */
    static boolean wholeSchool(Caller caller) {
        return WHOLE_SCHOOL.stream().anyMatch(caller::has);
    }

    /** The petitioners' identity must not reach the department complained about: only the school's staff see it. */
    static boolean seesIdentity(Caller caller) {
        return wholeSchool(caller);
    }

    /** The department a handler is limited to; null for whoever sees the whole school. */
    static String handledBy(Caller caller) {
        return wholeSchool(caller) ? null : caller.department().orElseThrow();
    }

    /** The caller's school; every role allowed here is a school role, so it is always there. */
    static String school(Caller caller) {
        return caller.school().orElseThrow(() -> ApiProblem.forbidden("petitions belong to a school"));
    }

    /** Whether the petition lies inside what the caller may see. */
    static boolean reaches(Caller caller, Petition p) {
        if (!caller.district().equals(p.district()) || !caller.school().map(p.school()::equals).orElse(false)) {
            return false;
        }
        String department = handledBy(caller);
        if (department == null) {
            return true;
        }
        DepartmentAssignment routing = p.routing();
        return routing != null
                && (department.equals(routing.department()) || routing.coDepartments().contains(department));
    }

    /**
     * The caller as the actor of a step: in the first of its roles the step allows, else in its broadest role (the life
     * cycle then refuses the step, naming the roles that may take it).
     */
    static Actor actor(Caller caller, Set<Role> allowed) {
        Role role = WHOLE_SCHOOL.stream().filter(r -> caller.has(r) && allowed.contains(r)).findFirst()
                .orElseGet(() -> caller.has(DEPARTMENT_HANDLER) && allowed.contains(DEPARTMENT_HANDLER)
                        ? DEPARTMENT_HANDLER
                        : WHOLE_SCHOOL.stream().filter(caller::has).findFirst().orElse(DEPARTMENT_HANDLER));
        return new Actor(caller.subject(), caller.name(), role,
                role == DEPARTMENT_HANDLER ? caller.department().orElseThrow() : null);
    }

    /** The roles that register petitions and visits, for the actor of a registration. */
    static Set<Role> registering() {
        return Set.copyOf(WHOLE_SCHOOL);
    }
}
