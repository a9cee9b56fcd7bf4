package org.xinfang.intake.domain;

/**
 * The actor may not take this step: its role may not (only the leader approves an extension), or it handles another
 * department than the one the petition is routed to.
 */
public final class ForbiddenActionException extends RuntimeException {

    public ForbiddenActionException(Action action, Actor actor) {
        super("role " + actor.roleName() + " may not " + action.pathName() + "; allowed: " + action.roles());
    }

    public ForbiddenActionException(String reason) {
        super(reason);
    }
}
