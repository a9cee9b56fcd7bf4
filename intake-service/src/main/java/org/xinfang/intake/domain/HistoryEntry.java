package org.xinfang.intake.domain;

import java.time.Instant;
import org.xinfang.contracts.vocabulary.PetitionState;

/**
 * One step of the append-only history: who (the token's subject and display name), in which role, when, from which
 * state to which, and why.
 */
public record HistoryEntry(Instant at, String actorId, String actorName, String actorRole, PetitionState from,
                           PetitionState to, String reason) {

    public static HistoryEntry by(Actor actor, Instant at, PetitionState from, PetitionState to, String reason) {
        return new HistoryEntry(at, actor.id(), actor.name(), actor.roleName(), from, to, reason);
    }
}
