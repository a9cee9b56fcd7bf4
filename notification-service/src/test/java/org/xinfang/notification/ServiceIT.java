package org.xinfang.notification;

import static org.xinfang.notification.Fixtures.SCHOOL;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TopicTap;

/**
 * The service as deployed, over the real broker and store. Test classes that extend this share one application
 * context (one database, one consumer group), which keeps the suite fast on a small machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
public abstract class ServiceIT {

    protected static TopicTap tap;

    @Autowired
    protected WebTestClient web;

    /** A real SMTP server for the email channel, shared by the classes on this context. */
    protected static final GreenMail SMTP = startSmtp();

    private static GreenMail startSmtp() {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /** A real HTTP receiver standing in for webhooks and the SMS gateway. */
    protected static final HttpReceiver RECEIVER = new HttpReceiver();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Fixtures.infrastructure(registry, "service-it");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        // Retries fast enough for a test to watch a receiver fail, recover, or be given up on.
        registry.add("xinfang.notification.delivery.first-backoff", () -> "PT0.1S");
        registry.add("xinfang.notification.delivery.max-attempts", () -> "4");
        registry.add("xinfang.notification.webhooks.signing-secret", () -> "test-secret");
        // A short grouping window, so tests of non-critical deliveries wait seconds, not the default half minute.
        registry.add("xinfang.notification.noise.group-wait", () -> "PT2S");
        registry.add("xinfang.notification.sms.gateway-url", () -> RECEIVER.url("/sms-gateway"));
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
        return alerts(SCHOOL, petitionId);
    }

    protected List<Map<String, Object>> alerts(String school, String petitionId) {
        return web.get().uri("/api/v1/alerts?petitionId={id}", petitionId)
                .header("Authorization", Fixtures.bearer(school, Role.CLERK))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
    }

    /** The request with a token of {@code role} at the default school. */
    protected WebTestClient.RequestHeadersSpec<?> as(WebTestClient.RequestHeadersSpec<?> spec, Role role) {
        return spec.header("Authorization", Fixtures.bearer(SCHOOL, role));
    }

    /** Puts a contact of {@code school} (null: of the district) as the district's administrator. */
    protected WebTestClient.ResponseSpec putContact(String school, String id, Map<String, Object> body) {
        return web.put().uri(b -> b.path("/api/v1/contacts/{id}").queryParamIfPresent("school",
                        java.util.Optional.ofNullable(school)).build(id))
                .header("Authorization", Fixtures.bearer(Role.ADMINISTRATOR))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
