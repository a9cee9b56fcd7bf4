package org.xinfang.notification.domain;

import java.time.Instant;

/**
 * One line of an incident's record: what was done, by whom (the token's subject and display name) in which role, and
 * when.
 */
public record TimelineEntry(String entryId, TimelineAction action, String by, String name, String role, Instant at,
                            String note) {

    public static final int MAX_NOTE = 500;

    public TimelineEntry {
        if (note != null && note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("note: at most " + MAX_NOTE + " characters");
        }
    }

    public static TimelineEntry of(String entryId, TimelineAction action, Actor actor, Instant at, String note) {
        return new TimelineEntry(entryId, action, actor.subject(), actor.name(), actor.role(), at, note);
    }
}
