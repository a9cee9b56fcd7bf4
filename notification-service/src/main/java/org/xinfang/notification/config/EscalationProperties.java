package org.xinfang.notification.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Escalation chains as configuration: each step is {@code ROLE:WAIT} (ISO-8601, e.g. {@code LEADER:PT5M}); the
 * last step needs no wait. Empty means the plan's chain (leader → deputy → principal → bureau duty).
 *
 * @param chain the default chain
 * @param schools chains of schools that differ from the default
 * @param outsideChainWait how long an alert to someone outside the chain (a department) waits before the chain
 */
@ConfigurationProperties("xinfang.notification.escalation")
record EscalationProperties(List<String> chain, Map<String, List<String>> schools, Duration outsideChainWait) {

    EscalationProperties {
        chain = chain == null ? List.of() : List.copyOf(chain);
        schools = schools == null ? Map.of() : Map.copyOf(schools);
        outsideChainWait = outsideChainWait == null ? Duration.ofMinutes(10) : outsideChainWait;
    }
}
