package org.xinfang.reporting.config;

import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.xinfang.reporting.domain.ReportingPolicy;

/**
 * Reporting's settings ({@code xinfang.reporting.*}): the districts' time zone (which day, week, month and year an
 * instant counts in, for figures, queries and digests alike), how many records one fold takes at most, and the consumer group (one per deployment) and where a
 * new group starts ({@code earliest}, so a first start counts the whole history), and the token subjects of the
 * suite's operators, who alone may rebuild every district's figures (none by default).
 */
@ConfigurationProperties("xinfang.reporting")
public record ReportingProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("2000") int maxPollRecords,
        @DefaultValue("reporting-service") String consumerGroup,
        @DefaultValue("earliest") String offsetReset,
        @DefaultValue List<String> operators) {

    public ReportingPolicy policy() {
        return new ReportingPolicy(zone);
    }
}
