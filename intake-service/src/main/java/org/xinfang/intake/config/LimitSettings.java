package org.xinfang.intake.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The legal limits every district starts from, in calendar days (the national regulation's), and the districts'
 * time zone. A district's administrator replaces them with its own versioned rules through the API.
 */
@ConfigurationProperties("xinfang.intake.limits")
record LimitSettings(int acceptWithinDays, int handleWithinDays, int extensionMaxDays, int reviewRequestWithinDays,
                     int reviewAnswerWithinDays, int reReviewRequestWithinDays, int reReviewAnswerWithinDays,
                     @DefaultValue("Asia/Shanghai") String zone) {
}
