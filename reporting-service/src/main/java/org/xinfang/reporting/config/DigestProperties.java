package org.xinfang.reporting.config;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scheduled digests ({@code xinfang.reporting.digest.*}): how long after a period closes (at midnight in the
 * reporting-wide zone, {@code xinfang.reporting.zone}) the digest waits for late events, how often the scheduler
 * looks, after how long a claim left pending is taken over, how many past days and weeks it catches up on after
 * downtime, and districts that get a digest even on a day with no petitions (others get one whenever they have
 * figures in the period).
 */
@ConfigurationProperties("xinfang.reporting.digest")
public record DigestProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10m") Duration settle,
        @DefaultValue("1m") Duration checkEvery,
        @DefaultValue("2m") Duration staleAfter,
        @DefaultValue("3") int lookbackDays,
        @DefaultValue("2") int lookbackWeeks,
        @DefaultValue("") Set<String> districts) {
}
