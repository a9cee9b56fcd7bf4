package org.xinfang.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.xinfang.contracts.access.Role;
import org.xinfang.gateway.ScriptedUpstream.Move;
import org.xinfang.localstack.testing.TestIssuer;

/**
 * A service that closes the connection before answering (killed, or restarting) never makes the gateway answer 502:
 * a request safe to repeat (GET, or POST with Idempotency-Key) is sent once more, whole, and anything else gets 503
 * problem+json with Retry-After. A body over the limit gets 413 problem+json before the service hears of it, with or
 * without Content-Length, and the client reads that answer rather than a reset connection. Real HTTP on both sides.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "xinfang.gateway.rate-limit.burst=1000", "xinfang.gateway.body.max-size=1KB"})
@AutoConfigureWebTestClient(timeout = "20s")
class UpstreamClosedEarlyIT {

    static final ScriptedUpstream SERVICE = newUpstream();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        for (String service : new String[] {"INTAKE", "ROUTING", "NOTIFICATION", "REPORTING"}) {
            registry.add(service + "_URL", SERVICE::url);
        }
        TestIssuer.shared().resourceServerProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @AfterAll
    static void stop() throws IOException {
        SERVICE.close();
    }

    @Autowired
    WebTestClient client;
    @LocalServerPort
    int port;
    private int before;

    @BeforeEach
    void count() {
        before = SERVICE.received().size();
    }

    private static String token() {
        return TestIssuer.shared().school("d-east", "s-east-01", Role.CLERK).bearer();
    }

    @Test
    void aGetMetByAClosedConnectionIsSentOnceMore() {
        SERVICE.then(Move.CLOSE, Move.ANSWER);

        client.get().uri("/api/v1/petitions/p-1").header("Authorization", token())
                .exchange().expectStatus().isOk();

        assertThat(SERVICE.received().size() - before).isEqualTo(2);
    }

    @Test
    void aPostWithAnIdempotencyKeyIsSentOnceMoreWithItsWholeBody() {
        SERVICE.then(Move.CLOSE, Move.ANSWER);
        byte[] body = "{\"title\":\"家长反映食堂卫生问题\"}".getBytes(StandardCharsets.UTF_8);

        client.post().uri("/api/v1/petitions").header("Authorization", token()).header("Idempotency-Key", "k-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.bodyBytes").isEqualTo(body.length);

        assertThat(SERVICE.received().subList(before, SERVICE.received().size()))
                .hasSize(2).allSatisfy(r -> assertThat(r.body()).isEqualTo(body));
    }

    @Test
    void aPostWithoutAKeyIsNotRepeatedAndGets503WithRetryAfter() {
        SERVICE.then(Move.CLOSE);

        client.post().uri("/api/v1/petitions").header("Authorization", token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"t\"}")
                .exchange().expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.status").isEqualTo(503).jsonPath("$.service").isEqualTo("intake");

        assertThat(SERVICE.received().size() - before).isEqualTo(1);
    }

    @Test
    void aGetMetByTwoClosedConnectionsGets503WithRetryAfterAfterOneRepeat() {
        SERVICE.then(Move.CLOSE, Move.CLOSE);

        client.get().uri("/api/v1/alerts?petitionId=p-1").header("Authorization", token())
                .exchange().expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectBody().jsonPath("$.service").isEqualTo("notification");

        assertThat(SERVICE.received().size() - before).isEqualTo(2);
    }

    @Test
    void aChunkedBodyWithinTheLimitReachesTheServiceWithItsLength() throws IOException {
        String answer = rawPost(chunkedHead(), chunks(3, 300), 0);

        assertThat(answer).startsWith("HTTP/1.1 200").contains("\"bodyBytes\":900");
        ScriptedUpstream.Received last = SERVICE.received().get(SERVICE.received().size() - 1);
        assertThat(last.hasHeader("content-length: 900")).isTrue();
        assertThat(last.hasHeader("transfer-encoding")).isFalse();
    }

    @Test
    void aChunkedBodyOverTheLimitGets413BeforeTheServiceHearsOfIt() throws IOException {
        String answer = rawPost(chunkedHead(), chunks(6, 400), 0);

        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("1024 bytes");
        assertThat(SERVICE.received().size()).isEqualTo(before);
    }

    @Test
    void aDeclaredBodyOverTheLimitGets413AndTheClientReadsItAfterSendingItsBody() throws IOException {
        // The client sends its head, pauses, then its body, and reads only after: a gateway that answered and closed
        // at once would have the kernel reset the connection under the late body, and the answer would be lost.
        byte[] body = new byte[3000];
        Arrays.fill(body, (byte) ' ');
        String head = "POST /api/v1/petitions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + token()
                + "\r\nContent-Type: application/json\r\nContent-Length: 3000\r\n\r\n";

        String answer = rawPost(head, body, 300);

        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json");
        assertThat(SERVICE.received().size()).isEqualTo(before);
    }

    private String chunkedHead() {
        return "POST /api/v1/petitions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + token()
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    }

    private static byte[] chunks(int count, int size) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(Integer.toHexString(size)).append("\r\n").append(" ".repeat(size)).append("\r\n");
        }
        return out.append("0\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends a request on a socket of its own, the body {@code pauseMillis} after the head, and reads the answer. */
    private String rawPost(String head, byte[] body, long pauseMillis) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (pauseMillis > 0) {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            StringBuilder answer = new StringBuilder();
            int n;
            while (!answer.toString().contains("\r\n\r\n{") || !answer.toString().endsWith("}")) {
                n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            return answer.toString();
        }
    }

    private static ScriptedUpstream newUpstream() {
        try {
            return new ScriptedUpstream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
