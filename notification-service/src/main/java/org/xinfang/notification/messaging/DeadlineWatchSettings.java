package org.xinfang.notification.messaging;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the department and the leader are reminded ahead of the legal limits, as configuration.
 *
 * @param acceptanceReminders how long before the acceptance limit each reminder goes out (default 3 days and 1 day)
 * @param handlingReminders how long before the handling limit each reminder goes out (default 3 days and 1 day)
 * @param claimLease how long a claimed timer may stay unfired before another instance takes it over
 */
@ConfigurationProperties("xinfang.notification.deadlines")
record DeadlineWatchSettings(List<Duration> acceptanceReminders, List<Duration> handlingReminders,
                             Duration claimLease) {

    private static final List<Duration> PLAN = List.of(Duration.ofDays(3), Duration.ofDays(1));

    DeadlineWatchSettings {
        acceptanceReminders = acceptanceReminders == null ? PLAN : List.copyOf(acceptanceReminders);
        handlingReminders = handlingReminders == null ? PLAN : List.copyOf(handlingReminders);
        claimLease = claimLease == null ? Duration.ofMinutes(1) : claimLease;
    }
}
