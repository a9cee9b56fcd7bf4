package org.xinfang.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The public door through the gateway: /public/v1 reaches intake without a token, with the client's address named by
 * the gateway (never by the client) and its own rate limit per address; /api still needs a token.
 */
@TestPropertySource(properties = {
        "xinfang.gateway.rate-limit.public-per-second=0.1",
        "xinfang.gateway.rate-limit.public-burst=3"})
class PublicDoorGatewayIT extends GatewayBeforeFakeService {

    @Test
    void thePublicDoorNeedsNoTokenIsLimitedPerAddressAndTheApiStillNeedsAToken() {
        JsonNode echo = client.post().uri("/public/v1/petitions/lookup").header("X-Client-Address", "203.0.113.9")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"code\":\"x\"}")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(echo.get("path").asString()).isEqualTo("/public/v1/petitions/lookup");
        // The address is the one the gateway saw, not the one the client claimed.
        assertThat(echo.get("headers").get("X-Client-Address").asString()).isEqualTo("127.0.0.1");

        client.get().uri("/api/v1/petitions/p-1").exchange().expectStatus().isUnauthorized()
                .expectHeader().exists("WWW-Authenticate");

        client.get().uri("/public/v1/challenge").exchange().expectStatus().isOk();
        client.get().uri("/public/v1/challenge").exchange().expectStatus().isOk();
        int before = SERVICE.requests();
        client.get().uri("/public/v1/challenge").exchange().expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After");
        assertThat(SERVICE.requests()).isEqualTo(before);
    }
}
