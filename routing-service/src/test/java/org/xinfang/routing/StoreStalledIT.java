package org.xinfang.routing;

import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.faults.ServiceProbe;
import org.xinfang.localstack.testing.faults.StoreStalledScenario;

/**
 * Routing when its store stalls or goes (StoreStalledScenario); routing's consumer during an outage is
 * {@link StoreOutageIT}'s.
 */
@RoutingServiceTest
class StoreStalledIT extends StoreStalledScenario {

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
