package org.xinfang.contracts.json;

/** An event could not be read or written; the message says which event and which field. */
public final class EventFormatException extends RuntimeException {

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
