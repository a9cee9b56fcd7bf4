package org.xinfang.intake.web;

/** No petition with this id in the asking school: another school's petition is reported the same way. */
final class PetitionNotFoundException extends RuntimeException {

    PetitionNotFoundException(String id) {
        super("no petition " + id + " in this school");
    }
}
