package org.xinfang.intake.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinfang.intake.domain.LegalLimits;
import org.xinfang.intake.domain.LifeCycle;

/** The legal limits from {@code xinfang.intake.limits.*} and the life cycle that applies them. */
@Configuration(proxyBeanMethods = false)
class LifeCycleConfig {

    @Bean
    LegalLimits legalLimits(LimitSettings s) {
        return new LegalLimits(s.acceptWithinDays(), s.handleWithinDays(), s.extensionMaxDays(),
                s.reviewRequestWithinDays(), s.reviewAnswerWithinDays(), s.reReviewRequestWithinDays(),
                s.reReviewAnswerWithinDays());
    }

    @Bean
    LifeCycle lifeCycle(LegalLimits limits) {
        return new LifeCycle(limits);
    }
}
