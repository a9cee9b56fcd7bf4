package org.xinfang.notification.web;

/** The caller's role may not do this. */
class ForbiddenException extends RuntimeException {

    ForbiddenException(String message) {
        super(message);
    }
}
