package org.xinfang.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver on a local port (the JDK's server): records every request, and answers 500 to the first
 * {@code failFirst} requests of each path, to play a webhook or SMS gateway that is down and then recovers.
 */
public final class HttpReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String path, Map<String, List<String>> headers, byte[] body, java.time.Instant receivedAt) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Received> accepted = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresLeft = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();

    public HttpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            AtomicInteger left = failuresLeft.get(path);
            boolean fail = path.startsWith("/always-fail") || (left != null && left.getAndDecrement() > 0);
            if (fail) {
                refused.incrementAndGet();
            } else {
                accepted.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body, java.time.Instant.now()));
            }
            if (path.startsWith("/redirect")) {
                // Sends the caller elsewhere: the message is not taken here.
                refused.incrementAndGet();
                exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(fail ? 500 : 204, -1);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next {@code count} requests to this path fail with 500. */
    public void failFirst(String path, int count) {
        failuresLeft.put(path, new AtomicInteger(count));
    }

    public List<Received> accepted() {
        return accepted;
    }

    public int refused() {
        return refused.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
