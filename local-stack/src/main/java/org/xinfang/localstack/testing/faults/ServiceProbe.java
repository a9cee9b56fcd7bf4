package org.xinfang.localstack.testing.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The service under test, as a fault scenario asks it: its port, a read that needs the service's peers (the issuer,
 * the store), and {@code Bearer …} of a caller allowed to make it. Each call is a GET on a connection of its own: the
 * scenarios close, stall and reopen the peers, and a kept-alive connection must not carry one step's state into the
 * next.
 */
public record ServiceProbe(int port, String path, String bearer) {

    /** Longer than any bound a scenario asserts: a held request fails the assertion instead of hanging the build. */
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    HttpResponse<String> send() {
        return send(bearer);
    }

    HttpResponse<String> withoutToken() {
        return send(null);
    }

    /** The same service, another path, no token. */
    ServiceProbe open(String otherPath) {
        return new ServiceProbe(port, otherPath, null);
    }

    private HttpResponse<String> send(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(GIVE_UP).GET();
        if (token != null) {
            request.header("Authorization", token);
        }
        // A client per call: it pools its connections, and none may be reused across a fault.
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
