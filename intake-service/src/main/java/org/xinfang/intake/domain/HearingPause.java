package org.xinfang.intake.domain;

import java.time.LocalDate;

/** The days a hearing (听证) took, inclusive: they do not count toward a review's or a re-review's limit. */
public record HearingPause(LocalDate from, LocalDate to) {

    public HearingPause {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("a hearing ends on or after the day it starts");
        }
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
