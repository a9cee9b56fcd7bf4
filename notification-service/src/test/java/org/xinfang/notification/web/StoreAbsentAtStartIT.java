package org.xinfang.notification.web;

import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.faults.ServiceProbe;
import org.xinfang.localstack.testing.faults.StoreAbsentAtStartScenario;
import org.xinfang.notification.Fixtures;
import org.xinfang.notification.NotificationServiceTest;

/** Notification started while its store refuses connections (StoreAbsentAtStartScenario). */
@NotificationServiceTest
class StoreAbsentAtStartIT extends StoreAbsentAtStartScenario {

    @Override
    protected ServiceProbe probe() {
        return new ServiceProbe(port, "/api/v1/alerts?petitionId=p-none", Fixtures.bearer(Fixtures.SCHOOL, Role.LEADER));
    }

    @Override
    protected String collection() {
        return "alerts";
    }

    @Override
    protected String index() {
        return "petitionId_1_raisedAt_1";
    }
}
