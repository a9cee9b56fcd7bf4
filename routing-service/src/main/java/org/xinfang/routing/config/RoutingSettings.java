package org.xinfang.routing.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.xinfang.contracts.vocabulary.EmergencyLevel;

/**
 * Routing's configuration: the level thresholds (docs/domain.md; defaults in application.yml),
 * the recovery loop that re-publishes decisions whose first publication failed, and how long an effective rule set
 * is reused before it is read again (a save elsewhere takes effect here within that time).
 */
@ConfigurationProperties("xinfang.routing")
record RoutingSettings(Levels levels, Recovery recovery, Duration ruleSetCache) {

    record Levels(int elevatedFromHeadcount, int highFromHeadcount, int criticalFromHeadcount,
                  EmergencyLevel escalated, EmergencyLevel blocking, EmergencyLevel media) {
    }

    /** @param grace how old an unpublished decision must be before the loop takes it (the listener may still be publishing) */
    record Recovery(Duration interval, Duration grace, int batch) {
    }
}
