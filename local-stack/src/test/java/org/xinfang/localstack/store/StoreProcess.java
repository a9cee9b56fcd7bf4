package org.xinfang.localstack.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.xinfang.localstack.MongoWireStore;

/** {@link MongoWireStore} as a child process on a fixed port and folder, so that it can be killed like a real one. */
final class StoreProcess {

    private final int port = freePort();
    private final Path data;
    private final List<String> flags;
    private Process process;

    StoreProcess(Path data, String... flags) {
        this.data = data;
        this.flags = List.of(flags);
    }

    String uri() {
        return "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=5000&connectTimeoutMS=2000";
    }

    void start() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-Dlogback.configurationFile=local-stack-logback.xml", "-cp", System.getProperty("java.class.path"),
                MongoWireStore.class.getName(), "--port", String.valueOf(port), "--data", data.toString(),
                "--exit-with-parent"));
        command.addAll(flags);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolveSibling("store.log").toFile()))
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the store exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                // Start-up is the one place to poll: nothing else says the port is open.
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the store did not listen within 60 s");
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the store did not die");
        }
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
