package org.xinfang.reporting.config;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.xinfang.reporting.domain.ReportingPolicy;

/**
 * Reporting's settings ({@code xinfang.reporting.*}): the districts' time zone (which day, week, month and year an
 * instant counts in, for figures, queries and digests alike), the legal time limits measured against when events do
 * not state them, how many records one fold takes at most, and the consumer group (one per deployment) and where a
 * new group starts ({@code earliest}, so a first start counts the whole history).
 */
@ConfigurationProperties("xinfang.reporting")
public record ReportingProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("15") int acceptWithinDays,
        @DefaultValue("60") int handleWithinDays,
        @DefaultValue("30") int extensionMaxDays,
        @DefaultValue("2000") int maxPollRecords,
        @DefaultValue("reporting-service") String consumerGroup,
        @DefaultValue("earliest") String offsetReset) {

    public ReportingPolicy policy() {
        return new ReportingPolicy(acceptWithinDays, handleWithinDays, extensionMaxDays, zone);
    }
}
