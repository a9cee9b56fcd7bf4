package org.xinfang.intake.domain;

import org.xinfang.contracts.access.Role;

/**
 * Who did something to a petition, as the history records it: the token's subject and display name, the role the
 * step was taken in, and for a department handler the department the token names.
 *
 * @param role       null only for {@link #ROUTING}, which acts through an event and holds no role of a person
 * @param department the handler's department; null for every other role
 */
public record Actor(String id, String name, Role role, String department) {

    /** Routing's decision arrives as an event, not from a person. */
    public static final Actor ROUTING = new Actor("routing-service", "routing-service", null, null);

    /**
     * The petitioner acting through the public door, without an account: nobody to name, and no role of the school's.
     * Never their name, which is sealed with the petition's identity.
     */
    public static final Actor PETITIONER = new Actor("public-door", "来信人（网上信访）", null, null);

    public Actor {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an actor needs an id");
        }
        name = name == null || name.isBlank() ? id : name;
        if (role == Role.DEPARTMENT_HANDLER && (department == null || department.isBlank())) {
            throw new IllegalArgumentException("a department handler acts for a department");
        }
    }

    /** The role as the history and events name it. */
    public String roleName() {
        if (role != null) {
            return role.name();
        }
        return PETITIONER.id().equals(id) ? "PETITIONER" : "SYSTEM";
    }

    @Override
    public String toString() {
        return id + " (" + roleName() + (department == null ? "" : " " + department) + ")";
    }
}
