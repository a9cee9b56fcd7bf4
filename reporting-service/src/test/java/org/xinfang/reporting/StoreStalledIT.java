package org.xinfang.reporting;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TestIssuer;
import org.xinfang.localstack.testing.faults.ServiceProbe;
import org.xinfang.localstack.testing.faults.StoreStalledScenario;

/** Reporting when its store stalls or goes (StoreStalledScenario). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = StoreStalledScenario.READ_TIMEOUT_PROPERTY)
@DirtiesContext
class StoreStalledIT extends StoreStalledScenario {

    private static final String DISTRICT = "d-stalled-it";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure infra = Infrastructure.shared();
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrap);
        registry.add("xinfang.mongo.uri", StoreStalledScenario::storeUriThroughFront);
        registry.add("xinfang.mongo.database", () -> "reporting_stalled_it");
        registry.add("xinfang.reporting.consumer-group", () -> "reporting-stalled-it");
        registry.add("xinfang.reporting.offset-reset", () -> "latest");
        TestIssuer.shared().resourceServerProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @Override
    protected ServiceProbe probe() {
        return new ServiceProbe(port, "/api/v1/subscriptions/districts/" + DISTRICT + "/webhooks", Tokens.administrator(DISTRICT));
    }
}
