package org.xinfang.reporting;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TestIssuer;
import org.xinfang.localstack.testing.faults.ServiceProbe;
import org.xinfang.localstack.testing.faults.IssuerUnreachableScenario;

/** Reporting while its token issuer is away: the scenario every service passes (IssuerUnreachableScenario). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class IssuerUnreachableIT extends IssuerUnreachableScenario {

    private static final String DISTRICT = "d-issuer-it";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure infra = Infrastructure.shared();
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrap);
        registry.add("xinfang.mongo.uri", infra::mongoUri);
        registry.add("xinfang.mongo.database", () -> "reporting_issuer_it");
        registry.add("xinfang.reporting.consumer-group", () -> "reporting-issuer-it");
        registry.add("xinfang.reporting.offset-reset", () -> "latest");
        TestIssuer.shared().resourceServerProperties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                IssuerUnreachableScenario::jwkSetUriThroughFront);
    }

    /** Readiness also waits for the folding loop, which this test does not feed. */
    @Override
    protected String healthPath() {
        return "/actuator/health/liveness";
    }

    @Override
    protected ServiceProbe probe() {
        return new ServiceProbe(port, "/api/v1/subscriptions/districts/" + DISTRICT + "/webhooks", Tokens.administrator(DISTRICT));
    }
}
