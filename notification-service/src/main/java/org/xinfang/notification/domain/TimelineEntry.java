package org.xinfang.notification.domain;

import java.time.Instant;

/** One line of an incident's record: what was done, by whom in which role, and when. */
public record TimelineEntry(String entryId, TimelineAction action, String by, String role, Instant at, String note) {

    public static final int MAX_NOTE = 500;

    public TimelineEntry {
        if (note != null && note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("note: at most " + MAX_NOTE + " characters");
        }
    }
}
