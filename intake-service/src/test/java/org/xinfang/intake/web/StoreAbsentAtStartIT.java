package org.xinfang.intake.web;

import org.xinfang.contracts.access.Role;
import org.xinfang.intake.IntakeServiceTest;
import org.xinfang.intake.IntakeTestSupport;
import org.xinfang.localstack.testing.faults.ServiceProbe;
import org.xinfang.localstack.testing.faults.StoreAbsentAtStartScenario;

/** Intake started while its store refuses connections (StoreAbsentAtStartScenario). */
@IntakeServiceTest
class StoreAbsentAtStartIT extends StoreAbsentAtStartScenario {

    @Override
    protected ServiceProbe probe() {
        return new ServiceProbe(port, "/api/v1/petitions", IntakeTestSupport.bearer(Role.CLERK));
    }

    @Override
    protected String collection() {
        return "petitions";
    }

    @Override
    protected String index() {
        return "outbox-due";
    }
}
