package org.xinfang.notification.web;

/** Nothing by that id within the caller's school; a foreign school's record is answered the same way. */
class NotFoundException extends RuntimeException {

    NotFoundException(String what) {
        super(what);
    }
}
