package org.xinfang.routing.domain.reading;

import java.util.List;

/** A petition's text as read: its clauses in order, each cut into words. */
public record Reading(List<Clause> clauses) {

    public Reading {
        clauses = List.copyOf(clauses);
    }
}
