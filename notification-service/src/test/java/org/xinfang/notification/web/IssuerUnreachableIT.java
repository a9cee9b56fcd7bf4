package org.xinfang.notification.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.faults.ServiceProbe;
import org.xinfang.localstack.testing.faults.IssuerUnreachableScenario;
import org.xinfang.notification.Fixtures;

/** Notification while its token issuer is away: the scenario every service passes (IssuerUnreachableScenario). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class IssuerUnreachableIT extends IssuerUnreachableScenario {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Fixtures.infrastructure(registry, "issuer-unreachable-it");
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                IssuerUnreachableScenario::jwkSetUriThroughFront);
    }

    @Override
    protected ServiceProbe probe() {
        return new ServiceProbe(port, "/api/v1/alerts?petitionId=p-none", Fixtures.bearer(Fixtures.SCHOOL, Role.LEADER));
    }
}
