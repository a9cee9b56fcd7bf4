package org.xinfang.intake.domain;

/** Who did something to a petition, as the history records it. */
public record Actor(String id, Role role) {

    public Actor {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an actor needs an id");
        }
        if (role == null) {
            throw new IllegalArgumentException("an actor needs a role");
        }
    }

    /** Routing's decision arrives as an event, not from a person. */
    public static final Actor ROUTING = new Actor("routing-service", Role.SYSTEM);
}
