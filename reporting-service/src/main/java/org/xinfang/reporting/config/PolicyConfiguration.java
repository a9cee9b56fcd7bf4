package org.xinfang.reporting.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinfang.reporting.domain.ReportingPolicy;

/** The policy as one bean, so every part that derives a day from an instant (queries' "today" too) uses one zone. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    @Bean
    ReportingPolicy reportingPolicy(ReportingProperties properties) {
        return properties.policy();
    }
}
