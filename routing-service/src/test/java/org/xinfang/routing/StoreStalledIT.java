package org.xinfang.routing;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.faults.ServiceProbe;
import org.xinfang.localstack.testing.faults.StoreStalledScenario;

/**
 * Routing when its store stalls or goes (StoreStalledScenario); routing's consumer during an outage is
 * {@link StoreOutageIT}'s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = StoreStalledScenario.READ_TIMEOUT_PROPERTY)
@DirtiesContext
class StoreStalledIT extends StoreStalledScenario {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RoutingIntegrationSupport.register(registry, StoreStalledIT.class);
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
