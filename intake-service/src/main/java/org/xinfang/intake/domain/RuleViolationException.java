package org.xinfang.intake.domain;

/** The step is allowed in this state but breaks a legal rule: a lapsed review window, an extension too long. */
public final class RuleViolationException extends RuntimeException {

    private final String field;

    public RuleViolationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
