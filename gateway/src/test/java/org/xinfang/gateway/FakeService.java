package org.xinfang.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP service on a random local port standing in for one of the suite's services: it answers every request
 * with a JSON echo of what reached it (service name, method, path, query, the headers the gateway must forward and
 * the body size), and streams server-sent events under {@code /events}.
 */
final class FakeService implements AutoCloseable {

    /** The headers whose journey through the gateway the tests check. */
    static final List<String> ECHOED = List.of("X-Client-Address",
            "Authorization", "X-District", "X-School", "X-User-Id", "X-Role",
            "X-Request-Id", "Cookie", "X-XSRF-TOKEN");
    /** The pause between the first and the second server-sent event. */
    static final Duration EVENT_GAP = Duration.ofSeconds(4);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final DisposableServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> paths = new CopyOnWriteArrayList<>();

    FakeService(String name) {
        this.name = name;
        this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::answer).bindNow();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    int requests() {
        return requests.get();
    }

    List<String> paths() {
        return paths;
    }

    private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
        requests.incrementAndGet();
        String uri = request.uri();
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        paths.add(path);
        if (path.contains("/status/")) {
            // A service answering with an error of its own: the gateway must relay it, not retry or replace it.
            int status = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
            return response.status(status).header("Content-Type", "application/problem+json")
                    .sendString(Mono.just("{\"status\":" + status + "}")).then();
        }
        if (path.endsWith("/events")) {
            Flux<String> events = Flux.concat(Mono.just("data: first\n\n"),
                    Mono.delay(EVENT_GAP).thenReturn("data: second\n\n"));
            return response.header("Content-Type", "text/event-stream").sendString(events).then();
        }
        return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap(body -> {
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("service", name);
            echo.put("method", request.method().name());
            echo.put("path", path);
            echo.put("query", uri.contains("?") ? uri.substring(uri.indexOf('?') + 1) : "");
            Map<String, String> headers = new LinkedHashMap<>();
            ECHOED.forEach(h -> {
                String value = request.requestHeaders().get(h);
                if (value != null) {
                    headers.put(h, value);
                }
            });
            echo.put("headers", headers);
            echo.put("bodyBytes", body.length);
            byte[] out = JSON.writeValueAsString(echo).getBytes(StandardCharsets.UTF_8);
            // The service sets its own request id header too, as the real services do.
            return response.status(200).header("Content-Type", "application/json")
                    .header("X-Request-Id", String.valueOf(headers.getOrDefault("X-Request-Id", "none")))
                    .sendByteArray(Mono.just(out)).then();
        });
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
