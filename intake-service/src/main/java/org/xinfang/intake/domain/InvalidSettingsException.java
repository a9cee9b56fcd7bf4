package org.xinfang.intake.domain;

import java.util.List;

/**
 * A district's legal rules or calendar broke one or more rules; every field at fault is listed and nothing is stored.
 */
public final class InvalidSettingsException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidSettingsException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
