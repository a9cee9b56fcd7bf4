package org.xinfang.notification.config;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.notification.domain.AlertPlanner;
import org.xinfang.notification.domain.AlertPolicy;
import org.xinfang.notification.domain.EscalationChain;
import org.xinfang.notification.domain.EscalationPolicy;
import org.xinfang.notification.domain.RecipientRole;

/** The domain's objects, built from configuration. */
@Configuration(proxyBeanMethods = false)
class DomainConfig {

    /** Tests add a primary clock they move by hand, to walk escalation chains without waiting. */
    @Bean
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
    EscalationPolicy escalationPolicy(EscalationProperties properties) {
        EscalationChain defaultChain = properties.chain().isEmpty() ? EscalationChain.plan()
                : chain(properties.chain(), properties.outsideChainWait());
        Map<String, EscalationChain> bySchool = new HashMap<>();
        properties.schools().forEach((school, steps) -> bySchool.put(school, chain(steps, properties.outsideChainWait())));
        return new EscalationPolicy(defaultChain, bySchool, EscalationPolicy.plan().escalatingKinds());
    }

    private static EscalationChain chain(List<String> steps, Duration outsideChainWait) {
        return new EscalationChain(steps.stream().map(line -> {
            String[] parts = line.split(":", 2);
            RecipientRole role = RecipientRole.valueOf(parts[0].trim());
            return new EscalationChain.Step(role, parts.length == 2 ? Duration.parse(parts[1].trim()) : null);
        }).toList(), outsideChainWait);
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
