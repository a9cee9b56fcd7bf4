package org.xinfang.localstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.xinfang.localstack.store.LocalStore;

/**
 * The local stack's own infrastructure inside a test run: the real Kafka broker as a child process (the same
 * launcher {@code ./stack up} uses, so it can be stopped and restarted like a real one) and the MongoDB wire server
 * in this JVM with the same durable, indexed H2 store ({@link LocalStore}), so a stopped and restarted store keeps
 * its data.
 */
final class EmbeddedInfrastructure implements Infrastructure {

    private final BrokerProcess broker;
    private final Path storeFile;
    private final int mongoPort;
    private LocalStore mongo;

    private EmbeddedInfrastructure(BrokerProcess broker, Path storeFile, int mongoPort) {
        this.broker = broker;
        this.storeFile = storeFile;
        this.mongoPort = mongoPort;
    }

    static Infrastructure start() {
        try {
            Path root = Files.createTempDirectory("xinfang-infra-");
            BrokerProcess broker = new BrokerProcess(freePort(), freePort(), root.resolve("kafka"));
            broker.start();
            EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure(broker, root.resolve("store.mv"), freePort());
            infrastructure.startMongo();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                broker.stop();
                infrastructure.stopMongo();
            }, "embedded-infrastructure-stop"));
            return infrastructure;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public String kafkaBootstrap() {
        return broker.bootstrap();
    }

    @Override
    public String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    @Override
    public void stopKafka() {
        broker.stop();
    }

    @Override
    public void startKafka() {
        broker.start();
    }

    @Override
    public synchronized void stopMongo() {
        if (mongo != null) {
            mongo.close();
            mongo = null;
        }
    }

    @Override
    public synchronized void startMongo() {
        if (mongo == null) {
            mongo = LocalStore.open(storeFile, true).bind("127.0.0.1", mongoPort);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
