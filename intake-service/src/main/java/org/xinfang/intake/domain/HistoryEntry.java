package org.xinfang.intake.domain;

import java.time.Instant;
import org.xinfang.contracts.vocabulary.PetitionState;

/** One step of the append-only history: who, in which role, when, from which state to which, and why. */
public record HistoryEntry(Instant at, String actorId, String actorRole, PetitionState from, PetitionState to,
                           String reason) {
}
