package org.xinfang.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every service down (nothing listens on its port): the gateway answers 503 problem+json at once, never hangs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class UpstreamDownIT {

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        for (String service : new String[] {"INTAKE", "ROUTING", "NOTIFICATION", "REPORTING"}) {
            String url = "http://127.0.0.1:" + closedPort();
            registry.add(service + "_URL", () -> url);
        }
    }

    /** A port that was free a moment ago and that nothing listens on now: connecting is refused. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    WebTestClient client;

    @ParameterizedTest
    @CsvSource({
        "GET, /api/v1/petitions/p-1, intake",
        "POST, /api/v1/petitions, intake",
        "GET, /api/v1/routing/decisions/p-1, routing",
        "GET, /api/v1/alerts?petitionId=p-1, notification",
        "GET, /api/v1/reports/districts/d-east, reporting",
    })
    void aServiceThatIsDownIsA503ProblemAtOnce(String method, String path, String service) {
        long started = System.nanoTime();

        client.method(HttpMethod.valueOf(method)).uri(path).contentType(MediaType.APPLICATION_JSON)
                .header("X-Request-Id", "down-1").bodyValue(Map.of("title", "x"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Request-Id", "down-1")
                .expectBody().jsonPath("$.status").isEqualTo(503).jsonPath("$.service").isEqualTo(service)
                .jsonPath("$.instance").isEqualTo(path.replaceAll("\\?.*", ""));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }
}
