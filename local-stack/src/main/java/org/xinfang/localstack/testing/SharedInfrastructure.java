package org.xinfang.localstack.testing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.xinfang.localstack.TopicProvisioner;

/** Picks and starts the infrastructure once per test JVM. */
final class SharedInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);
    private static Infrastructure instance;

    private SharedInfrastructure() {
    }

    static synchronized Infrastructure get() {
        if (instance == null) {
            Infrastructure chosen = choose();
            TopicProvisioner.ensureRegistryTopics(chosen.kafkaBootstrap());
            log.info("test infrastructure: {} (Kafka {}, Mongo {})", chosen.kind(), chosen.kafkaBootstrap(), chosen.mongoUri());
            instance = chosen;
        }
        return instance;
    }

    private static Infrastructure choose() {
        String wanted = System.getProperty("xinfang.infrastructure", System.getenv().getOrDefault("XINFANG_INFRASTRUCTURE", "auto"));
        return switch (wanted) {
            case "containers" -> ContainerInfrastructure.start();
            case "embedded" -> EmbeddedInfrastructure.start();
            case "external" -> ExternalInfrastructure.fromEnvironment();
            default -> dockerAvailable() ? ContainerInfrastructure.start() : EmbeddedInfrastructure.start();
        };
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
