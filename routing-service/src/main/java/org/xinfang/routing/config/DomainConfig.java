package org.xinfang.routing.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinfang.routing.domain.LegalLimits;
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
        RoutingSettings.Levels levels = settings.levels();
        RoutingSettings.Limits limits = settings.limits();
        return new PetitionRouter(SubjectClassifier.standard(), RiskDetector.standard(),
                new LevelRules(new LevelThresholds(levels.elevatedFromHeadcount(), levels.highFromHeadcount(),
                        levels.criticalFromHeadcount(), levels.escalated(), levels.blocking(), levels.media())),
                new LegalLimits(limits.acceptWithinDays(), limits.handleWithinDays(), limits.extensionMaxDays()));
    }
}
