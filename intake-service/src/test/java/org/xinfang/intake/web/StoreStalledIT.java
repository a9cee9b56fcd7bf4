package org.xinfang.intake.web;

import org.xinfang.contracts.access.Role;
import org.xinfang.intake.IntakeServiceTest;
import org.xinfang.intake.IntakeTestSupport;
import org.xinfang.localstack.testing.faults.ServiceProbe;
import org.xinfang.localstack.testing.faults.StoreStalledScenario;

/**
 * Intake when its store stalls or goes (StoreStalledScenario); the store refusing connections during registrations
 * is {@code DurabilityIT}'s.
 */
@IntakeServiceTest
class StoreStalledIT extends StoreStalledScenario {

    @Override
    protected ServiceProbe probe() {
        return new ServiceProbe(port, "/api/v1/petitions", IntakeTestSupport.bearer(Role.CLERK));
    }
}
