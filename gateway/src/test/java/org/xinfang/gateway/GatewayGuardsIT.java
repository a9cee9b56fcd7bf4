package org.xinfang.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * The gateway's guards with small limits, in front of a real HTTP service: a client over its rate gets 429 with
 * Retry-After and other clients are unaffected; a body over the limit gets 413 whether its length is declared or not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "xinfang.gateway.rate-limit.per-second=0.2",
        "xinfang.gateway.rate-limit.burst=3",
        "xinfang.gateway.body.max-size=1KB"})
@AutoConfigureWebTestClient
class GatewayGuardsIT {

    static final FakeService SERVICE = new FakeService("intake");

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        for (String service : new String[] {"INTAKE", "ROUTING", "NOTIFICATION", "REPORTING"}) {
            registry.add(service + "_URL", SERVICE::url);
        }
    }

    @AfterAll
    static void stopService() {
        SERVICE.close();
    }

    @Autowired
    WebTestClient client;

    @Test
    void aClientOverItsRateGets429WithRetryAfterAndOthersGoOn() {
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/v1/petitions/p-1").header("X-Client-Id", "school-app-1")
                    .exchange().expectStatus().isOk();
        }
        int before = SERVICE.requests();

        client.get().uri("/api/v1/petitions/p-1").header("X-Client-Id", "school-app-1")
                .exchange().expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                // 0.2 tokens a second: the next one is five seconds away.
                .expectHeader().valueEquals("Retry-After", "5")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().exists("X-Request-Id")
                .expectBody().jsonPath("$.status").isEqualTo(429);
        assertThat(SERVICE.requests()).isEqualTo(before);

        client.get().uri("/api/v1/petitions/p-1").header("X-Client-Id", "bureau-console")
                .exchange().expectStatus().isOk();
        // Health probes are never rate limited.
        for (int i = 0; i < 5; i++) {
            client.get().uri("/actuator/health/liveness").header("X-Client-Id", "school-app-1")
                    .exchange().expectStatus().isOk();
        }
    }

    @Test
    void aBodyDeclaredOverTheLimitIsRefusedWith413BeforeTheServiceIsCalled() {
        int before = SERVICE.requests();

        client.post().uri("/api/v1/petitions").header("X-Client-Id", "big-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(jsonOf(2048))
                .exchange().expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("1024 bytes"));

        assertThat(SERVICE.requests()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() {
        byte[] chunk = new byte[400];
        Arrays.fill(chunk, (byte) ' ');
        Flux<DataBuffer> chunks = Flux.range(0, 5).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk.clone()));

        client.post().uri("/api/v1/petitions").header("X-Client-Id", "big-2")
                .contentType(MediaType.APPLICATION_JSON).body(chunks, DataBuffer.class)
                .exchange().expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(413).jsonPath("$.instance").isEqualTo("/api/v1/petitions");
    }

    @Test
    void aBodyWithinTheLimitPassesDeclaredOrChunked() {
        client.post().uri("/api/v1/petitions").header("X-Client-Id", "small-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(jsonOf(900))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.bodyBytes").isEqualTo(900);

        byte[] chunk = new byte[300];
        Arrays.fill(chunk, (byte) ' ');
        Flux<DataBuffer> chunks = Flux.range(0, 3).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk.clone()));
        client.post().uri("/api/v1/petitions").header("X-Client-Id", "small-2")
                .contentType(MediaType.APPLICATION_JSON).body(chunks, DataBuffer.class)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.bodyBytes").isEqualTo(900);
    }

    /** A JSON string document of exactly {@code bytes} bytes. */
    private static String jsonOf(int bytes) {
        String json = "\"" + "x".repeat(bytes - 2) + "\"";
        assertThat(json.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        return json;
    }
}
