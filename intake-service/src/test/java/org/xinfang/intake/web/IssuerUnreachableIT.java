package org.xinfang.intake.web;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xinfang.contracts.access.Role;
import org.xinfang.intake.IntakeServiceTest;
import org.xinfang.intake.IntakeTestSupport;
import org.xinfang.localstack.testing.faults.ServiceProbe;
import org.xinfang.localstack.testing.faults.IssuerUnreachableScenario;

/** Intake while its token issuer is away: the scenario every service passes (IssuerUnreachableScenario). */
@IntakeServiceTest
@DirtiesContext
class IssuerUnreachableIT extends IssuerUnreachableScenario {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                IssuerUnreachableScenario::jwkSetUriThroughFront);
    }

    @Override
    protected ServiceProbe probe() {
        return new ServiceProbe(port, "/api/v1/petitions", IntakeTestSupport.bearer(Role.CLERK));
    }
}
