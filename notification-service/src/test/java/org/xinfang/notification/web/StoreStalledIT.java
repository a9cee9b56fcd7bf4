package org.xinfang.notification.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.faults.ServiceProbe;
import org.xinfang.localstack.testing.faults.StoreStalledScenario;
import org.xinfang.notification.Fixtures;

/** Notification when its store stalls or goes (StoreStalledScenario). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = StoreStalledScenario.READ_TIMEOUT_PROPERTY)
@DirtiesContext
class StoreStalledIT extends StoreStalledScenario {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Fixtures.infrastructure(registry, "store-stalled-it");
        registry.add("xinfang.mongo.uri", StoreStalledScenario::storeUriThroughFront);
    }

    @Override
    protected ServiceProbe probe() {
        return new ServiceProbe(port, "/api/v1/alerts?petitionId=p-none", Fixtures.bearer(Fixtures.SCHOOL, Role.LEADER));
    }
}
