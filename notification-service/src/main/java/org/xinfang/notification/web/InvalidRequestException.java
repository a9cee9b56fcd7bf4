package org.xinfang.notification.web;

/** A request the service refuses, naming the field and why; answered as problem+json with status 400. */
class InvalidRequestException extends RuntimeException {

    private final String field;
    private final String reason;

    InvalidRequestException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    String field() {
        return field;
    }

    String reason() {
        return reason;
    }
}
