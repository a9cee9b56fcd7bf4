package org.xinfang.intake.web;

/** No petition (or gate entry) with this id in the asking school: another school's is reported the same way. */
final class PetitionNotFoundException extends RuntimeException {

    PetitionNotFoundException(String id) {
        super("nothing with id " + id + " in this school");
    }
}
