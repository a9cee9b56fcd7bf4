package org.xinfang.intake.domain;

import java.util.List;

/** A request broke one or more rules; every broken rule is listed so the clerk can fix them all at once. */
public final class InvalidPetitionException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidPetitionException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
