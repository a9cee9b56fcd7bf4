package org.xinfang.intake.domain;

import org.xinfang.contracts.vocabulary.PetitionState;

/** The petition is no longer open, so nothing can be reported on it: answered as a conflict with its state. */
public final class ClosedPetitionException extends RuntimeException {

    private final PetitionState state;

    public ClosedPetitionException(PetitionState state, String what) {
        super("a petition in state " + state + " (" + state.chineseName() + ") is no longer open; " + what);
        this.state = state;
    }

    public PetitionState state() {
        return state;
    }
}
