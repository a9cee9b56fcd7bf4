package org.xinfang.contracts.event;

/** A required event field is absent or blank. The message names the field. */
public final class MissingFieldException extends IllegalArgumentException {

    private final String field;

    public MissingFieldException(String field) {
        super("required field '" + field + "' is missing or blank");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
