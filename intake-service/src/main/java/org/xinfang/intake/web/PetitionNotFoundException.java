package org.xinfang.intake.web;

/**
 * Nothing with this id that the caller may see: another school's petition or visit, or a petition routed to another
 * department than the handler's, is reported exactly as a missing one, so ids cannot be probed.
 */
final class PetitionNotFoundException extends RuntimeException {

    private PetitionNotFoundException(String message) {
        super(message);
    }

    static PetitionNotFoundException id(String id) {
        return new PetitionNotFoundException("nothing with id " + id + " here");
    }

    /** Another department's inbox, for a department handler. */
    static PetitionNotFoundException inbox(String department) {
        return new PetitionNotFoundException("no inbox of department " + department + " here");
    }
}
