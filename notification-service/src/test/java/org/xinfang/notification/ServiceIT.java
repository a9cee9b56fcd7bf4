package org.xinfang.notification;

import static org.xinfang.notification.Fixtures.DISTRICT;
import static org.xinfang.notification.Fixtures.SCHOOL;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TopicTap;

/**
 * The service as deployed, over the real broker and store. Test classes that extend this share one application
 * context (one database, one consumer group), which keeps the suite fast on a small machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class ServiceIT {

    protected static TopicTap tap;

    @Autowired
    protected WebTestClient web;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Fixtures.infrastructure(registry, "service-it");
    }

    @BeforeAll
    static void openTap() {
        tap = Infrastructure.shared().tap();
    }

    @AfterAll
    static void closeTap() {
        tap.close();
    }

    protected List<Map<String, Object>> alerts(String petitionId) {
        return web.get().uri("/api/v1/alerts?petitionId={id}", petitionId)
                .header("X-District", DISTRICT).header("X-School", SCHOOL)
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
    }

    protected WebTestClient.RequestHeadersSpec<?> asSchool(WebTestClient.RequestHeadersSpec<?> spec, String user, String role) {
        return spec.header("X-District", DISTRICT).header("X-School", SCHOOL).header("X-User-Id", user).header("X-Role", role);
    }
}
