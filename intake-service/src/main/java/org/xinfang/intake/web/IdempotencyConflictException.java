package org.xinfang.intake.web;

/** An {@code Idempotency-Key} was reused with a different request body. */
final class IdempotencyConflictException extends RuntimeException {

    IdempotencyConflictException() {
        super("this Idempotency-Key was already used with a different request body");
    }
}
