package org.xinfang.kit.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The connection itself is checked: a receiver on loopback is reached when the policy allows loopback and refused
 * before any byte is sent when it does not, and a redirect to elsewhere is answered, never followed.
 */
class OutboundHttpTest {

    private DisposableServer receiver;
    private volatile int hits;

    @BeforeEach
    void startReceiver() {
        receiver = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .post("/hook", (request, response) -> {
                            hits++;
                            return response.sendString(Mono.just("ok"));
                        })
                        .post("/elsewhere", (request, response) -> {
                            hits++;
                            return response.status(302).header("Location", "http://169.254.169.254/latest").send();
                        }))
                .bindNow();
    }

    @AfterEach
    void stopReceiver() {
        receiver.disposeNow();
    }

    @Test
    void loopbackIsReachedOnlyWhereThePolicyAllowsIt() {
        String url = "http://localhost:" + receiver.port() + "/hook";
        int allowed = OutboundHttp.client(new OutboundPolicy(false, true, Set.of())).post().uri(url)
                .response().map(r -> r.status().code()).block(Duration.ofSeconds(10));
        assertThat(allowed).isEqualTo(200);
        assertThat(hits).isEqualTo(1);

        for (String refusedUrl : new String[] {url, "http://127.0.0.1:" + receiver.port() + "/hook"}) {
            Throwable refused = OutboundHttp.client(new OutboundPolicy(false, false, Set.of())).post().uri(refusedUrl)
                    .response().map(r -> r.status().code()).then(Mono.<Throwable>empty())
                    .onErrorResume(Mono::just).block(Duration.ofSeconds(10));
            assertThat(refused).as(refusedUrl).isNotNull();
            assertThat(causes(refused)).as(refusedUrl).anyMatch(RefusedTargetException.class::isInstance);
        }
        assertThat(hits).as("nothing reached the receiver").isEqualTo(1);
    }

    @Test
    void aRedirectIsNotFollowed() {
        int status = OutboundHttp.client(new OutboundPolicy(false, true, Set.of())).post()
                .uri("http://127.0.0.1:" + receiver.port() + "/elsewhere")
                .response().map(r -> r.status().code()).block(Duration.ofSeconds(10));
        assertThat(status).isEqualTo(302);
    }

    private static java.util.List<Throwable> causes(Throwable failure) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
