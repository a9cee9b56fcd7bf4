package org.xinfang.intake.web;

import org.xinfang.contracts.access.Role;
import org.xinfang.intake.IntakeServiceTest;
import org.xinfang.intake.IntakeTestSupport;
import org.xinfang.localstack.testing.faults.IssuerUnreachableScenario;
import org.xinfang.localstack.testing.faults.ServiceProbe;

/** Intake while its token issuer is away: the scenario every service passes (IssuerUnreachableScenario). */
@IntakeServiceTest
class IssuerUnreachableIT extends IssuerUnreachableScenario {

    @Override
    protected ServiceProbe probe() {
        return new ServiceProbe(port, "/api/v1/petitions", IntakeTestSupport.bearer(Role.CLERK));
    }
}
