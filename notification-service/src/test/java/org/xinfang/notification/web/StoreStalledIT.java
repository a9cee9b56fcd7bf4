package org.xinfang.notification.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextCustomizerFactories;
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.faults.ServiceProbe;
import org.xinfang.localstack.testing.faults.StoreStalledScenario;
import org.xinfang.notification.Fixtures;
import org.xinfang.notification.NotificationInfrastructure;

/** Notification when its store stalls or goes (StoreStalledScenario). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextCustomizerFactories(NotificationInfrastructure.class)
class StoreStalledIT extends StoreStalledScenario {

    @Override
    protected ServiceProbe probe() {
        return new ServiceProbe(port, "/api/v1/alerts?petitionId=p-none", Fixtures.bearer(Fixtures.SCHOOL, Role.LEADER));
    }
}
