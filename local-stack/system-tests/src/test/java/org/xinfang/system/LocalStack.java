package org.xinfang.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Drives the repository's {@code ./stack} script on free ports and a private folder, as a user would. */
final class LocalStack {

    static final List<String> COMPONENTS = List.of("kafka", "mongo", "issuer", "intake", "routing", "notification",
            "reporting", "gateway");

    private final Path root = Path.of("../..").toAbsolutePath().normalize();
    private final Path home;
    private final Map<String, String> environment = new LinkedHashMap<>();

    LocalStack(Path home) {
        this.home = home.toAbsolutePath();
        environment.put("STACK_HOME", this.home.toString());
        // The reactor has just packaged every jar; the script must not start a nested build.
        environment.put("STACK_SKIP_BUILD", "1");
        // Seven JVMs starting at once on a shared two-core builder have taken over the script's 150 s; waiting longer
        // costs nothing when they are quicker.
        environment.put("STACK_HEALTH_TIMEOUT", "300");
        for (String port : List.of("GATEWAY_PORT", "INTAKE_PORT", "ROUTING_PORT", "NOTIFICATION_PORT", "REPORTING_PORT",
                "KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "MONGO_PORT", "ISSUER_PORT", "GATEWAY_MANAGEMENT_PORT")) {
            environment.put(port, String.valueOf(freePort()));
        }
    }

    LocalStack withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + environment.get("GATEWAY_PORT");
    }

    String port(String name) {
        return environment.get(name);
    }

    Path home() {
        return home;
    }

    Result run(String command, String... arguments) {
        try {
            Files.createDirectories(home);
            Path output = Files.createTempFile(home, command, ".out");
            List<String> line = new ArrayList<>(List.of("bash", root.resolve("stack").toString(), command));
            line.addAll(List.of(arguments));
            ProcessBuilder builder = new ProcessBuilder(line)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("./stack " + command + " did not finish in 5 minutes");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A bare access token of a demo client, from {@code ./stack token CLIENT}, as a user would get one. */
    String token(String client) {
        Result result = run("token", client);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("./stack token " + client + " failed: " + result.output());
        }
        return result.output().strip();
    }

    /** The pids recorded by the script, by component. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String component : COMPONENTS) {
            Path file = home.resolve("run").resolve(component + ".pid");
            if (Files.exists(file)) {
                try {
                    pids.put(component, Long.parseLong(Files.readString(file).trim()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return pids;
    }

    /** The last lines of every component's log, for a failure message. */
    String logTails() {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> logs = Files.list(home.resolve("logs"))) {
            for (Path log : logs.sorted().toList()) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                out.append("==== ").append(log.getFileName()).append('\n');
                lines.subList(Math.max(0, lines.size() - 25), lines.size()).forEach(l -> out.append(l).append('\n'));
            }
        } catch (IOException e) {
            out.append("(no logs: ").append(e.getMessage()).append(")");
        }
        return out.toString();
    }

    record Result(int exitCode, String output) {
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
