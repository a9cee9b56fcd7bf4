package org.xinfang.intake.persistence;

import java.time.Instant;
import java.util.Set;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.contracts.vocabulary.Subject;

/**
 * Which of a school's petitions to list; every field but the tenancy is optional (null or empty: no condition).
 *
 * @param receivedFrom inclusive
 * @param receivedUntil exclusive
 * @param overdue true: the running deadline has passed at {@code now}; false: it has not, or none runs
 */
public record PetitionFilter(String district, String school, Set<PetitionState> states, Subject subject,
                             String department, Form form, EmergencyLevel level, Channel channel,
                             Instant receivedFrom, Instant receivedUntil, Boolean overdue, Instant now) {

    public PetitionFilter {
        states = states == null ? Set.of() : Set.copyOf(states);
    }
}
