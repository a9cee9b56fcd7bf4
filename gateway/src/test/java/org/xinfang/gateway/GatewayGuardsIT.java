package org.xinfang.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.TestIssuer;
import reactor.core.publisher.Flux;

/**
 * The gateway's guards with small limits, in front of a real HTTP service: a client (as its verified token names it)
 * over its rate gets 429 with Retry-After and other clients are unaffected; a body over the limit gets 413 whether its
 * length is declared or not.
 */
@TestPropertySource(properties = {
        "xinfang.gateway.rate-limit.per-second=0.2",
        "xinfang.gateway.rate-limit.burst=3",
        "xinfang.gateway.body.max-size=1KB"})
class GatewayGuardsIT extends GatewayBeforeFakeService {

    /** A clerk's token whose subject is {@code client}: each subject is its own client for the rate limit. */
    static String tokenOf(String client) {
        return TestIssuer.shared().school("d-east", "s-east-01", Role.CLERK).subject(client).bearer();
    }

    @Test
    void aClientOverItsRateGets429WithRetryAfterAndOthersGoOn() {
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/v1/petitions/p-1").header("Authorization", tokenOf("school-app-1"))
                    .exchange().expectStatus().isOk();
        }
        int before = SERVICE.requests();

        client.get().uri("/api/v1/petitions/p-1").header("Authorization", tokenOf("school-app-1"))
                .exchange().expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                // 0.2 tokens a second: the next one is at most five seconds away, less by however long the first
                // three took (over a second on a loaded machine). TokenBucketTest checks the arithmetic exactly.
                .expectHeader().value("Retry-After", seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 5))
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().exists("X-Request-Id")
                .expectBody().jsonPath("$.status").isEqualTo(429);
        assertThat(SERVICE.requests()).isEqualTo(before);

        client.get().uri("/api/v1/petitions/p-1").header("Authorization", tokenOf("bureau-console"))
                .exchange().expectStatus().isOk();
        // Headers a caller sets are not who the client is: another X-Client-Id or address changes nothing.
        client.get().uri("/api/v1/petitions/p-1").header("Authorization", tokenOf("school-app-1"))
                .header("X-Client-Id", "someone-else").header("X-Forwarded-For", "203.0.113.9")
                .exchange().expectStatus().isEqualTo(429);
        // Health probes are never rate limited.
        WebTestClient management = Management.client(managementPort);
        for (int i = 0; i < 5; i++) {
            management.get().uri("/actuator/health/liveness").header("Authorization", tokenOf("school-app-1"))
                    .exchange().expectStatus().isOk();
        }
    }

    @Test
    void theTokensAuthorizedPartyIsTheClientWhateverItsSubject() {
        // One OAuth2 client (azp) acting for several users shares one bucket.
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/v1/petitions/p-1").header("Authorization", TestIssuer.shared()
                    .school("d-east", "s-east-02", Role.LEADER).subject("user-" + i).claim("azp", "east-console").bearer())
                    .exchange().expectStatus().isOk();
        }
        client.get().uri("/api/v1/petitions/p-1").header("Authorization", TestIssuer.shared()
                .school("d-east", "s-east-02", Role.LEADER).subject("user-9").claim("azp", "east-console").bearer())
                .exchange().expectStatus().isEqualTo(429);
        // client_id names the client when azp is absent.
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/v1/petitions/p-1").header("Authorization", TestIssuer.shared()
                    .district("d-east", Role.BUREAU_ANALYST).subject("analyst-" + i).claim("client_id", "bureau-app")
                    .bearer()).exchange().expectStatus().isOk();
        }
        client.get().uri("/api/v1/petitions/p-1").header("Authorization", TestIssuer.shared()
                .district("d-east", Role.BUREAU_ANALYST).subject("analyst-9").claim("client_id", "bureau-app").bearer())
                .exchange().expectStatus().isEqualTo(429);
    }

    @Test
    void requestsWithoutATokenAreCountedByAddressAndRefusedWith401() {
        int before = SERVICE.requests();
        // The burst of this address is 3; the 401s count against it, then 429 says to slow down.
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/v1/reports/districts/d-east").exchange().expectStatus().isUnauthorized();
        }
        client.get().uri("/api/v1/reports/districts/d-east").exchange().expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After");
        assertThat(SERVICE.requests()).isEqualTo(before);
    }

    @Test
    void aBodyDeclaredOverTheLimitIsRefusedWith413BeforeTheServiceIsCalled() {
        int before = SERVICE.requests();

        client.post().uri("/api/v1/petitions").header("Authorization", tokenOf("big-1"))
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

        client.post().uri("/api/v1/petitions").header("Authorization", tokenOf("big-2"))
                .contentType(MediaType.APPLICATION_JSON).body(chunks, DataBuffer.class)
                .exchange().expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(413).jsonPath("$.instance").isEqualTo("/api/v1/petitions");
    }

    @Test
    void aBodyWithinTheLimitPassesDeclaredOrChunked() {
        client.post().uri("/api/v1/petitions").header("Authorization", tokenOf("small-1"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(jsonOf(900))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.bodyBytes").isEqualTo(900);

        byte[] chunk = new byte[300];
        Arrays.fill(chunk, (byte) ' ');
        Flux<DataBuffer> chunks = Flux.range(0, 3).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk.clone()));
        client.post().uri("/api/v1/petitions").header("Authorization", tokenOf("small-2"))
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
