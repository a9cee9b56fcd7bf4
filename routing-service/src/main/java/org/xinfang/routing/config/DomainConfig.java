package org.xinfang.routing.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinfang.routing.domain.EscalationRedecision;
import org.xinfang.routing.domain.LevelRules;
import org.xinfang.routing.domain.LevelThresholds;
import org.xinfang.routing.domain.PetitionRouter;
import org.xinfang.routing.domain.RiskDetector;
import org.xinfang.routing.domain.SubjectClassifier;

/** The routing rules, built from configuration; the domain itself knows nothing of Spring. */
@Configuration(proxyBeanMethods = false)
class DomainConfig {

    @Bean
    PetitionRouter petitionRouter(RoutingSettings settings) {
        return new PetitionRouter(SubjectClassifier.standard(), RiskDetector.standard(), levelRules(settings));
    }

    /** The same rules as on receipt: an escalation is decided as if its facts had been known then. */
    @Bean
    EscalationRedecision escalationRedecision(RoutingSettings settings) {
        return new EscalationRedecision(levelRules(settings));
    }

    private static LevelRules levelRules(RoutingSettings settings) {
        RoutingSettings.Levels levels = settings.levels();
        return new LevelRules(new LevelThresholds(levels.elevatedFromHeadcount(), levels.highFromHeadcount(),
                levels.criticalFromHeadcount(), levels.escalated(), levels.blocking(), levels.media()));
    }
}
