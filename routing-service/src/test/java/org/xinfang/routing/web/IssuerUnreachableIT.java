package org.xinfang.routing.web;

import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.faults.IssuerUnreachableScenario;
import org.xinfang.localstack.testing.faults.ServiceProbe;
import org.xinfang.routing.RoutingIntegrationSupport;
import org.xinfang.routing.RoutingServiceTest;

/** Routing while its token issuer is away: the scenario every service passes (IssuerUnreachableScenario). */
@RoutingServiceTest
class IssuerUnreachableIT extends IssuerUnreachableScenario {

    @Override
    protected ServiceProbe probe() {
        return new ServiceProbe(port, "/api/v1/routing/rule-sets/default",
                RoutingIntegrationSupport.school("d-east", "s-east-01", Role.LEADER));
    }
}
