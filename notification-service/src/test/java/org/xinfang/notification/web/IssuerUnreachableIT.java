package org.xinfang.notification.web;

import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.faults.IssuerUnreachableScenario;
import org.xinfang.localstack.testing.faults.ServiceProbe;
import org.xinfang.notification.Fixtures;
import org.xinfang.notification.NotificationServiceTest;

/** Notification while its token issuer is away: the scenario every service passes (IssuerUnreachableScenario). */
@NotificationServiceTest
class IssuerUnreachableIT extends IssuerUnreachableScenario {

    @Override
    protected ServiceProbe probe() {
        return new ServiceProbe(port, "/api/v1/alerts?petitionId=p-none", Fixtures.bearer(Fixtures.SCHOOL, Role.LEADER));
    }
}
