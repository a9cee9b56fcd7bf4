package org.xinfang.intake.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xinfang.contracts.access.Role;
import org.xinfang.intake.IntakeTestSupport;
import org.xinfang.localstack.testing.faults.ServiceProbe;
import org.xinfang.localstack.testing.faults.StoreAbsentAtStartScenario;

/** Intake started while its store refuses connections (StoreAbsentAtStartScenario). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class StoreAbsentAtStartIT extends StoreAbsentAtStartScenario {

    @LocalServerPort
    int port;

    @Value("${xinfang.mongo.database}")
    String database;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntakeTestSupport.infrastructure(registry, StoreAbsentAtStartIT.class);
        registry.add("xinfang.mongo.uri", StoreAbsentAtStartScenario::storeUriThroughFront);
    }

    @Override
    protected ServiceProbe probe() {
        return new ServiceProbe(port, "/api/v1/petitions", IntakeTestSupport.bearer(Role.CLERK));
    }

    @Override
    protected String database() {
        return database;
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
