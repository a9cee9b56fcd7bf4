package org.xinfang.intake.domain;

import java.util.List;
import org.xinfang.contracts.vocabulary.PetitionState;

/** The step cannot follow the petition's current state; {@code allowed} lists the steps that can. */
public final class IllegalTransitionException extends RuntimeException {

    private final PetitionState state;
    private final List<Action> allowed;

    public IllegalTransitionException(Action action, PetitionState state, List<Action> allowed) {
        super("cannot " + action.pathName() + " a petition in state " + state);
        this.state = state;
        this.allowed = List.copyOf(allowed);
    }

    public PetitionState state() {
        return state;
    }

    public List<Action> allowed() {
        return allowed;
    }
}
