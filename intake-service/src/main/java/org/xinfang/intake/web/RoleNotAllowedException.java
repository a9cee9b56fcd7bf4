package org.xinfang.intake.web;

/** The caller's roles may not use this resource family at all (docs/access.md): 403, before any record is looked up. */
final class RoleNotAllowedException extends RuntimeException {

    RoleNotAllowedException(String reason) {
        super(reason);
    }
}
