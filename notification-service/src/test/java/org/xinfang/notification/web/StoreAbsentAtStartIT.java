package org.xinfang.notification.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextCustomizerFactories;
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.faults.ServiceProbe;
import org.xinfang.localstack.testing.faults.StoreAbsentAtStartScenario;
import org.xinfang.notification.Fixtures;
import org.xinfang.notification.NotificationInfrastructure;

/** Notification started while its store refuses connections (StoreAbsentAtStartScenario). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextCustomizerFactories(NotificationInfrastructure.class)
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
