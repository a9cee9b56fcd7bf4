package org.xinfang.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one process), run from Kafka's own jars.
 * Formats its storage on first start and keeps it in the data folder, so a restart keeps the topics and offsets.
 * Creates every topic of the contracts registry once the broker answers; topics are never auto-created, so a
 * producer writing to a topic the registry does not know fails loudly here as it would in the cluster.
 *
 * <p>Arguments: {@code --port 9092 --controller-port 9093 --data DIR [--exit-with-parent]}.
 */
public final class KafkaBroker {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    private KafkaBroker() {
    }

    public static void main(String[] args) throws Exception {
        LaunchArguments arguments = LaunchArguments.parse(args);
        int port = arguments.intValue("--port", 9092);
        int controllerPort = arguments.intValue("--controller-port", 9093);
        Path data = arguments.path("--data", Path.of(".stack/data/kafka"));
        if (arguments.flag("--exit-with-parent")) {
            ParentWatch.exitWhenParentGoes();
        }
        Path config = writeConfig(data, port, controllerPort);
        formatOnce(data, config);
        String bootstrap = "127.0.0.1:" + port;
        Thread provisioner = new Thread(() -> TopicProvisioner.ensureRegistryTopics(bootstrap), "topic-provisioner");
        provisioner.setDaemon(true);
        provisioner.start();
        log.info("starting Kafka broker on {} with data in {}", bootstrap, data.toAbsolutePath());
        kafka.Kafka.main(new String[] {config.toString()});
    }

    static Path writeConfig(Path data, int port, int controllerPort) throws IOException {
        Files.createDirectories(data);
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", data.resolve("logs").toAbsolutePath().toString());
        // A single node: every internal topic has one replica, and acks=all means this one replica.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("num.partitions", "3");
        Path file = data.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "written by KafkaBroker on every start");
        }
        return file;
    }

    private static void formatOnce(Path data, Path config) {
        if (Files.exists(data.resolve("logs").resolve("meta.properties"))) {
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        int code = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", config.toString(),
                "--ignore-formatted"}, new PrintStream(OutputStream.nullOutputStream()));
        if (code != 0) {
            throw new IllegalStateException("formatting Kafka storage in " + data + " failed with code " + code);
        }
        log.info("formatted Kafka storage in {} for cluster {}", data, clusterId);
    }
}
