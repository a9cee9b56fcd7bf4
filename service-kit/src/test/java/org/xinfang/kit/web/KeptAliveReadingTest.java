package org.xinfang.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A client that sends its next request before the server has finished with the previous one, on one kept-alive
 * connection, so that Reactor Netty queues it, then one more request on that connection. Every one must be
 * answered.
 */
class KeptAliveReadingTest {

    private static final int REQUESTS = 3;

    @Test
    void everyQueuedRequestIsAnsweredWhenEachResponseAsksForTheNextRead() throws IOException {
        assertThat(stalledConnections(KeptAliveReading::install, 20)).isZero();
    }

    /**
     * The library's own behaviour, without the handler. When this fails, Reactor Netty answers queued requests by
     * itself and {@link KeptAliveReading} can go.
     */
    @Test
    void theLibraryAloneStillStallsSuchAConnection() throws IOException {
        assertThat(stalledConnections(UnaryOperator.identity(), 2)).isPositive();
    }

    private static int stalledConnections(UnaryOperator<HttpServer> customizer, int connections)
            throws IOException {
        DisposableServer server = customizer.apply(HttpServer.create().host("127.0.0.1").port(0))
                .handle((request, response) -> response.sendString(request.uri().equals("/first")
                        ? Mono.delay(Duration.ofMillis(50)).thenReturn("ok")
                        : Mono.just("ok")))
                .bindNow(Duration.ofSeconds(5));
        try {
            int stalled = 0;
            for (int i = 0; i < connections; i++) {
                if (answered(server.port()) < REQUESTS) {
                    stalled++;
                }
            }
            return stalled;
        } finally {
            server.disposeNow();
        }
    }

    /**
     * Sends /first and /second in one write (the second waits in the server's queue while the first takes 50 ms),
     * reads both answers, then sends /third on the same connection; counts the answers that came within a second.
     */
    private static int answered(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(1_000);
            StringBuilder seen = new StringBuilder();
            try {
                send(socket, "/first", "/second");
                readUntil(socket, seen, 2);
                send(socket, "/third");
                readUntil(socket, seen, REQUESTS);
            } catch (SocketTimeoutException stalled) {
                // counted below
            }
            return count(seen, "HTTP/1.1 200");
        }
    }

    private static void send(Socket socket, String... paths) throws IOException {
        StringBuilder requests = new StringBuilder();
        for (String path : paths) {
            requests.append("GET ").append(path).append(" HTTP/1.1\r\nHost: localhost\r\n\r\n");
        }
        socket.getOutputStream().write(requests.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static void readUntil(Socket socket, StringBuilder seen, int responses) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        while (count(seen, "HTTP/1.1 200") < responses) {
            int read = in.read(buffer);
            if (read < 0) {
                return;
            }
            seen.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
        }
    }

    private static int count(CharSequence text, String what) {
        int found = 0;
        for (int at = text.toString().indexOf(what); at >= 0; at = text.toString().indexOf(what, at + 1)) {
            found++;
        }
        return found;
    }
}
