package org.xinfang.reporting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.xinfang.localstack.testing.Infrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service started as a whole application, so a test can stop it and start it again on the same data. */
final class RunningService implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;
    private final String base;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    static RunningService start(String database, Map<String, Object> extra) {
        Infrastructure infra = Infrastructure.shared();
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "server.port", 0,
                "spring.kafka.bootstrap-servers", infra.kafkaBootstrap(),
                "xinfang.mongo.uri", infra.mongoUri(),
                "xinfang.mongo.database", database,
                "xinfang.reporting.consumer-group", "reporting-" + database,
                "spring.jmx.enabled", false));
        properties.putAll(org.xinfang.localstack.testing.TestIssuer.shared().resourceServerProperties());
        properties.putAll(extra);
        // As command-line arguments: they outrank application.yml, as the environment does in production.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new RunningService(new SpringApplicationBuilder(ReportingApplication.class).run(args));
    }

    String base() {
        return base;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    JsonNode get(String path, Map<String, String> headers) {
        HttpResponse<String> response = send(path, headers, HttpRequest.newBuilder().GET());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    HttpResponse<String> send(String path, Map<String, String> headers, HttpRequest.Builder request) {
        request.uri(URI.create(base + path)).timeout(Duration.ofMinutes(5));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
