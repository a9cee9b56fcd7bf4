package org.xinfang.intake.domain;

/** An evaluation the petition's state forbids: it is not closed yet, or it has been evaluated already. */
public final class EvaluationRefusedException extends RuntimeException {

    public EvaluationRefusedException(String message) {
        super(message, null, false, false);
    }
}
