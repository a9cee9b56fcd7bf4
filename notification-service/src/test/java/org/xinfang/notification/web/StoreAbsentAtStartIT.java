package org.xinfang.notification.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.faults.ServiceProbe;
import org.xinfang.localstack.testing.faults.StoreAbsentAtStartScenario;
import org.xinfang.notification.Fixtures;

/** Notification started while its store refuses connections (StoreAbsentAtStartScenario). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class StoreAbsentAtStartIT extends StoreAbsentAtStartScenario {

    @LocalServerPort
    int port;

    @Value("${xinfang.mongo.database}")
    String database;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Fixtures.infrastructure(registry, "store-absent-it");
        registry.add("xinfang.mongo.uri", StoreAbsentAtStartScenario::storeUriThroughFront);
    }

    @Override
    protected ServiceProbe probe() {
        return new ServiceProbe(port, "/api/v1/alerts?petitionId=p-none", Fixtures.bearer(Fixtures.SCHOOL, Role.LEADER));
    }

    @Override
    protected String database() {
        return database;
    }

    @Override
    protected String collection() {
        return "alerts";
    }

    @Override
    protected String index() {
        return "petitionId_1_raisedAt_1";
    }
}
