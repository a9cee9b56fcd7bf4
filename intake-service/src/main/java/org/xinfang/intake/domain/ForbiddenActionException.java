package org.xinfang.intake.domain;

/** The actor's role may not take this step (for example, only the leader approves an extension). */
public final class ForbiddenActionException extends RuntimeException {

    public ForbiddenActionException(Action action, Role role) {
        super("role " + role + " may not " + action.pathName() + "; allowed: " + action.roles());
    }
}
