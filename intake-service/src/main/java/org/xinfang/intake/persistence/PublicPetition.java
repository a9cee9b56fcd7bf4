package org.xinfang.intake.persistence;

/** A petition found by its query code, with what the public door keeps of it. */
public record PublicPetition(StoredPetition stored, PublicDoorRecord door) {
}
