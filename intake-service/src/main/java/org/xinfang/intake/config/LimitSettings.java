package org.xinfang.intake.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The legal time limits of docs/domain.md, in days; the defaults are the national regulations'. */
@ConfigurationProperties("xinfang.intake.limits")
record LimitSettings(int acceptWithinDays, int handleWithinDays, int extensionMaxDays, int reviewRequestWithinDays,
                     int reviewAnswerWithinDays, int reReviewRequestWithinDays, int reReviewAnswerWithinDays) {
}
