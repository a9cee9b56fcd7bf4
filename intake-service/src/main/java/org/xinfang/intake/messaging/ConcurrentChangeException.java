package org.xinfang.intake.messaging;

/** The petition changed between read and write; the step is read and decided again. */
public final class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String petitionId) {
        super("petition " + petitionId + " was changed concurrently");
    }
}
