package org.xinfang.localstack.testing;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Real Kafka and real MongoDB in containers. "Stopping" pauses a container, so its address and data survive, as a
 * network partition or a stalled process would look to the services.
 */
final class ContainerInfrastructure implements Infrastructure {

    private final KafkaContainer kafka;
    private final MongoDBContainer mongo;

    private ContainerInfrastructure(KafkaContainer kafka, MongoDBContainer mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    static Infrastructure start() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        MongoDBContainer mongo = new MongoDBContainer("mongo:7");
        kafka.start();
        mongo.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            mongo.stop();
        }, "containers-stop"));
        return new ContainerInfrastructure(kafka, mongo);
    }

    @Override
    public String kind() {
        return "containers";
    }

    @Override
    public String kafkaBootstrap() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoUri() {
        return "mongodb://" + mongo.getHost() + ":" + mongo.getFirstMappedPort();
    }

    @Override
    public void stopKafka() {
        kafka.getDockerClient().pauseContainerCmd(kafka.getContainerId()).exec();
    }

    @Override
    public void startKafka() {
        kafka.getDockerClient().unpauseContainerCmd(kafka.getContainerId()).exec();
    }

    @Override
    public void stopMongo() {
        mongo.getDockerClient().pauseContainerCmd(mongo.getContainerId()).exec();
    }

    @Override
    public void startMongo() {
        mongo.getDockerClient().unpauseContainerCmd(mongo.getContainerId()).exec();
    }
}
