package org.xinfang.intake.web;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
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
@DirtiesContext
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
        return new ServiceProbe(port, "/api/v1/petitions", IntakeTestSupport.bearer(Role.CLERK));
    }
}
