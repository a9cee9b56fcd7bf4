package org.xinfang.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver as a school's or a police station's system would run one: it takes each alert posted to
 * {@code /hooks/CONTACT}, answers 200, and keeps one delivery per {@code Idempotency-Key}, so a delivery retried after
 * a crash is taken once. What it kept is what the people behind each contact saw.
 */
final class AlertReceiver implements AutoCloseable {

    /** One alert as the receiver kept it. */
    record Delivery(String contact, String petitionId, String kind, String recipientRole, int step) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, Delivery> byKey = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();

    AlertReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hooks/", this::take);
        server.start();
    }

    String url(String contact) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + contact;
    }

    private void take(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String contact = exchange.getRequestURI().getPath().substring("/hooks/".length());
            JsonNode alert = JSON.readTree(body.readAllBytes());
            if (key == null) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            if (!alert.has("petitionId")) {
                // A digest or a grouped notice: taken, and not one of the alerts this receiver counts.
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            received.incrementAndGet();
            byKey.putIfAbsent(key, new Delivery(contact, alert.path("petitionId").asString(),
                    alert.path("kind").asString(), alert.path("recipientRole").asString(), alert.path("step").asInt()));
            exchange.sendResponseHeaders(200, -1);
        }
    }

    /** Every delivery kept, one per idempotency key. */
    List<Delivery> deliveries() {
        return List.copyOf(byKey.values());
    }

    /** Posts received, repeats included. */
    long received() {
        return received.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
