package org.xinfang.notification.web;

/** The request is valid but the record's state forbids it now (already acknowledged, already decided). */
class ConflictException extends RuntimeException {

    ConflictException(String message) {
        super(message);
    }
}
