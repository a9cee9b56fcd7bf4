package org.xinfang.notification.config;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.notification.domain.AlertPlanner;
import org.xinfang.notification.domain.AlertPolicy;
import org.xinfang.notification.domain.RecipientRole;

/** The domain's objects, built from configuration. */
@Configuration(proxyBeanMethods = false)
class DomainConfig {

    /** Tests replace it with a clock they move by hand, to walk escalation chains without waiting. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AlertPolicy alertPolicy(NotificationProperties properties) {
        if (properties.policy().isEmpty()) {
            return AlertPolicy.plan();
        }
        Map<EmergencyLevel, List<AlertPolicy.Rule>> rules = new EnumMap<>(EmergencyLevel.class);
        properties.policy().forEach((level, lines) -> rules.put(level, lines.stream().map(DomainConfig::rule).toList()));
        return new AlertPolicy(rules, properties.actWithoutApprovalFrom());
    }

    @Bean
    AlertPlanner alertPlanner(AlertPolicy policy) {
        return new AlertPlanner(policy);
    }

    private static AlertPolicy.Rule rule(String line) {
        String[] parts = line.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("policy line must be KIND:ROLE, was " + line);
        }
        return new AlertPolicy.Rule(AlertKind.valueOf(parts[0].trim()), RecipientRole.valueOf(parts[1].trim()));
    }
}
