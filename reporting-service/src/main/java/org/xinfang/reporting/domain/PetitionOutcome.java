package org.xinfang.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * What one petition contributes to its receipt day's figures, derived from its facts. Deadline verdicts are null
 * while the step has not happened (an open petition past its deadline is listed as overdue, not counted as missed,
 * so that stored figures never change without an event).
 */
public record PetitionOutcome(
        String petitionId,
        String district,
        String school,
        LocalDate day,
        String channel,
        String form,
        int headcount,
        boolean escalated,
        String subject,
        String department,
        String level,
        String state,
        boolean routed,
        boolean accepted,
        boolean notAccepted,
        boolean resolved,
        Long hoursToAccept,
        Long hoursToResolve,
        Boolean acceptedInTime,
        Boolean handledInTime,
        Instant acceptBy,
        Instant handleBy,
        int emergenciesRequested,
        int emergenciesApproved,
        int emergenciesDeclined,
        int openEmergencies,
        Map<String, Integer> alertsByKind,
        String number) {

    public PetitionOutcome {
        alertsByKind = Map.copyOf(alertsByKind);
    }

    /** Not yet decided on, or accepted and not yet answered: the cases a deadline can lapse on. */
    public boolean awaitingAcceptance() {
        return !accepted && !notAccepted && !resolved;
    }

    public boolean awaitingResolution() {
        return accepted && !resolved;
    }
}
