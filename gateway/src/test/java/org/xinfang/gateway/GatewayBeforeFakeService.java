package org.xinfang.gateway;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.localstack.testing.TestIssuer;

/**
 * The gateway on a random port trusting the test issuer, with one {@link FakeService} standing in for every service it
 * routes to. A test class adds its settings with {@code @TestPropertySource}.
 *
 * <p>The stand-in is one for all such classes and lives as long as the JVM: classes with the same settings share a
 * cached application context, so they must share what it routes to. Tests count its requests before and after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
abstract class GatewayBeforeFakeService {

    static final FakeService SERVICE = new FakeService("any");

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        for (String service : new String[] {"INTAKE", "ROUTING", "NOTIFICATION", "REPORTING"}) {
            registry.add(service + "_URL", SERVICE::url);
        }
        TestIssuer.shared().resourceServerProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @Autowired
    WebTestClient client;

    /** The actuator's own port: probes and scrapes, never the door. */
    @LocalManagementPort
    int managementPort;
}
