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
 * @param handledBy    when set, only petitions routed to this department or co-handled by it (a department
 *                     handler's view of its school)
 * @param receivedFrom inclusive
 * @param receivedUntil exclusive
 * @param overdue true: the running deadline has passed at {@code now}; false: it has not, or none runs
 * @param number  the petition number as people say it (东区一小〔2026〕17号)
 */
public record PetitionFilter(String district, String school, String handledBy, Set<PetitionState> states,
                             Subject subject, String department, Form form, EmergencyLevel level, Channel channel,
                             Instant receivedFrom, Instant receivedUntil, Boolean overdue, Instant now, String number) {

    public PetitionFilter {
        states = states == null ? Set.of() : Set.copyOf(states);
    }

    public PetitionFilter(String district, String school, String handledBy, Set<PetitionState> states,
                          Subject subject, String department, Form form, EmergencyLevel level, Channel channel,
                          Instant receivedFrom, Instant receivedUntil, Boolean overdue, Instant now) {
        this(district, school, handledBy, states, subject, department, form, level, channel, receivedFrom,
                receivedUntil, overdue, now, null);
    }
}
