package org.xinfang.localstack.testing;

/**
 * What an integration test needs from the outside world: a real Kafka broker with the registry's topics and a
 * MongoDB wire-protocol server. The same test code runs on either implementation: Testcontainers ({@code apache/kafka},
 * {@code mongo:7}) where Docker is available, the local stack's own broker and store otherwise.
 *
 * <p>Choose explicitly with {@code -Dxinfang.infrastructure=containers|embedded|external}; {@code external} uses the
 * running local stack ({@code KAFKA_BOOTSTRAP}, {@code MONGO_URI}).
 */
public interface Infrastructure {

    /** The one instance of this test JVM, started on first use and stopped when the JVM exits. */
    static Infrastructure shared() {
        return SharedInfrastructure.get();
    }

    String kind();

    String kafkaBootstrap();

    /** A connection string without a database; each test picks its own database name. */
    String mongoUri();

    /** Takes the broker away (its data kept) to test what happens while Kafka is down. */
    void stopKafka();

    /** Brings the broker back on the same address with the same data; returns once it answers. */
    void startKafka();

    void stopMongo();

    void startMongo();

    default TopicTap tap() {
        return new TopicTap(kafkaBootstrap());
    }
}
