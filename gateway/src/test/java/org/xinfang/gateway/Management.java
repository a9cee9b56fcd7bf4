package org.xinfang.gateway;

import java.time.Duration;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway's actuator, on its own port: the one probes, scrapes and operators use, never the public door. */
final class Management {

    private Management() {
    }

    static WebTestClient client(int managementPort) {
        // A loaded build machine can take seconds over a first actuator call: more room than the 5 s default.
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(20)).build();
    }
}
