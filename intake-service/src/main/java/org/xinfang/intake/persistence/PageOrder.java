package org.xinfang.intake.persistence;

/**
 * The stable orders a list can be read in; the id breaks ties, so a cursor (the last item's key and id) resumes
 * exactly after the last item even when many petitions share a timestamp.
 */
public enum PageOrder {
    /** Newest first: the school's register. */
    NEWEST_FIRST("receivedAt", -1),
    /** Soonest deadline first: a department's inbox. */
    DUE_FIRST("dueBy", 1);

    final String field;
    final int direction;

    PageOrder(String field, int direction) {
        this.field = field;
        this.direction = direction;
    }
}
