package org.xinfang.notification.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextCustomizerFactories;
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.faults.IssuerUnreachableScenario;
import org.xinfang.localstack.testing.faults.ServiceProbe;
import org.xinfang.notification.Fixtures;
import org.xinfang.notification.NotificationInfrastructure;

/** Notification while its token issuer is away: the scenario every service passes (IssuerUnreachableScenario). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextCustomizerFactories(NotificationInfrastructure.class)
class IssuerUnreachableIT extends IssuerUnreachableScenario {

    @Override
    protected ServiceProbe probe() {
        return new ServiceProbe(port, "/api/v1/alerts?petitionId=p-none", Fixtures.bearer(Fixtures.SCHOOL, Role.LEADER));
    }
}
