package org.xinfang.intake.persistence;

/** The store did not answer in time or refused the connection: the caller should come back later (503). */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
