package org.xinfang.intake.persistence;

/** A petition with this id already exists: the registration was a retry of an earlier one (same idempotency key). */
public final class DuplicatePetitionException extends RuntimeException {

    private final String petitionId;

    public DuplicatePetitionException(String petitionId) {
        super("petition " + petitionId + " already exists");
        this.petitionId = petitionId;
    }

    public String petitionId() {
        return petitionId;
    }
}
