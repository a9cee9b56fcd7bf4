package org.xinfang.localstack.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.xinfang.localstack.KafkaBroker;

/** The {@link KafkaBroker} launcher run as a child JVM, on fixed ports and a fixed data folder across restarts. */
final class BrokerProcess {

    private static final Duration READY_WITHIN = Duration.ofSeconds(90);

    private final int port;
    private final int controllerPort;
    private final Path data;
    private Process process;

    BrokerProcess(int port, int controllerPort, Path data) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.data = data;
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(data);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = List.of(java, "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Dlogback.configurationFile=local-stack-logback.xml",
                    "-cp", System.getProperty("java.class.path"),
                    KafkaBroker.class.getName(),
                    "--port", String.valueOf(port), "--controller-port", String.valueOf(controllerPort),
                    "--data", data.toString(), "--exit-with-parent");
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("broker.log").toFile()))
                    .start();
            awaitReady();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private void awaitReady() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        Instant deadline = Instant.now().plus(READY_WITHIN);
        try (Admin admin = Admin.create(props)) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka broker exited with " + process.exitValue()
                            + "; see " + data.resolve("broker.log"));
                }
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    // Startup readiness is the one place a poll is right: nothing else tells us the broker is up.
                    Thread.sleep(200);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("Kafka broker not ready within " + READY_WITHIN + "; see "
                + data.resolve("broker.log") + File.separator);
    }
}
