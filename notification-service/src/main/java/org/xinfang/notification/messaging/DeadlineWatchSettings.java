package org.xinfang.notification.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When departments are warned ahead of the legal limits, as configuration.
 *
 * @param acceptanceWarningLead how long before the acceptance limit the department is warned (default 3 days)
 * @param handlingWarningLead how long before the handling limit the department is warned (default 7 days)
 * @param handleWithinDays the handling limit when routing's decision for the petition was not seen (default 60)
 * @param claimLease how long a claimed timer may stay unfired before another instance takes it over
 */
@ConfigurationProperties("xinfang.notification.deadlines")
record DeadlineWatchSettings(Duration acceptanceWarningLead, Duration handlingWarningLead, Integer handleWithinDays,
                             Duration claimLease) {

    DeadlineWatchSettings {
        acceptanceWarningLead = acceptanceWarningLead == null ? Duration.ofDays(3) : acceptanceWarningLead;
        handlingWarningLead = handlingWarningLead == null ? Duration.ofDays(7) : handlingWarningLead;
        handleWithinDays = handleWithinDays == null ? 60 : handleWithinDays;
        claimLease = claimLease == null ? Duration.ofMinutes(1) : claimLease;
    }
}
