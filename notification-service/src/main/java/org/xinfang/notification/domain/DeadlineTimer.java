package org.xinfang.notification.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored promise to remind the department before a limit lapses, or to tell the General Office when it has. Its id
 * derives from (petition, limit, kind, the limit's instant), so scheduling it again is a no-op and an extension, which
 * moves the limit, schedules new timers rather than moving old ones.
 *
 * @param causeEventId the event that set the limit (routing's decision, or the acceptance or extension)
 */
public record DeadlineTimer(String timerId, String petitionId, DeadlineLimit limit, Kind kind, Instant dueAt,
                            Instant limitAt, String causeEventId) {

    /** A warning ahead of the limit, or the notice that it has lapsed. */
    public enum Kind { WARNING, LAPSED }

    /** @param lead which reminder this is, when there are several; null for the first reminder and the lapse */
    public static DeadlineTimer of(String petitionId, DeadlineLimit limit, Kind kind, Instant dueAt, Instant limitAt,
                                   String causeEventId, Duration lead) {
        String id = UUID.nameUUIDFromBytes(("deadline|" + petitionId + "|" + limit + "|" + kind + "|" + limitAt.toEpochMilli()
                        + (lead == null ? "" : "|" + lead)).getBytes(StandardCharsets.UTF_8)).toString();
        return new DeadlineTimer(id, petitionId, limit, kind, dueAt, limitAt, causeEventId);
    }
}
