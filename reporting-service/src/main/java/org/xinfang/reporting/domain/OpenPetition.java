package org.xinfang.reporting.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A petition still waiting on a step with a legal deadline: the acceptance decision ({@code ACCEPT}) or the answer
 * ({@code HANDLE}). Carries the petition id, its number (null from an older intake) and the department, never
 * anything about the petitioner.
 */
public record OpenPetition(String petitionId, String school, String department, String stage, Instant dueBy,
                           String number) {

    public static final String ACCEPT = "ACCEPT";
    public static final String HANDLE = "HANDLE";

    /** The step this petition waits on, if any. */
    public static Optional<OpenPetition> of(PetitionOutcome o) {
        if (o.awaitingAcceptance() && o.acceptBy() != null) {
            return Optional.of(new OpenPetition(o.petitionId(), o.school(), o.department(), ACCEPT, o.acceptBy(), o.number()));
        }
        if (o.awaitingResolution() && o.handleBy() != null) {
            return Optional.of(new OpenPetition(o.petitionId(), o.school(), o.department(), HANDLE, o.handleBy(), o.number()));
        }
        return Optional.empty();
    }

    public boolean overdueAt(Instant now) {
        return dueBy.isBefore(now);
    }

    public long daysOverdueAt(Instant now) {
        return Math.max(0, Duration.between(dueBy, now).toDays());
    }
}
