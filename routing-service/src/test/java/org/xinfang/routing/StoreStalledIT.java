package org.xinfang.routing;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.faults.ServiceProbe;
import org.xinfang.localstack.testing.faults.StoreStalledScenario;

/**
 * Routing when its store stalls or goes (StoreStalledScenario); routing's consumer during an outage is
 * {@link StoreOutageIT}'s.
 */
@RoutingServiceTest
@TestPropertySource(properties = StoreStalledScenario.READ_TIMEOUT_PROPERTY)
class StoreStalledIT extends StoreStalledScenario {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("xinfang.mongo.uri", StoreStalledScenario::storeUriThroughFront);
    }

    @Override
    protected ServiceProbe probe() {
        return new ServiceProbe(port, "/api/v1/routing/decisions/p-never-routed",
                RoutingIntegrationSupport.school(Petitions.DISTRICT, Petitions.SCHOOL, Role.CLERK));
    }

    @Override
    protected int healthyStatus() {
        return 404;
    }
}
