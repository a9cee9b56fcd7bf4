package org.xinfang.notification.web;

import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.faults.ServiceProbe;
import org.xinfang.localstack.testing.faults.StoreStalledScenario;
import org.xinfang.notification.Fixtures;
import org.xinfang.notification.NotificationServiceTest;

/** Notification when its store stalls or goes (StoreStalledScenario). */
@NotificationServiceTest
class StoreStalledIT extends StoreStalledScenario {

    @Override
    protected ServiceProbe probe() {
        return new ServiceProbe(port, "/api/v1/alerts?petitionId=p-none", Fixtures.bearer(Fixtures.SCHOOL, Role.LEADER));
    }
}
