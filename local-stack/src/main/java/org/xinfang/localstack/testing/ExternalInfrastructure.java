package org.xinfang.localstack.testing;

/** The already running local stack; it cannot be stopped from a test. */
record ExternalInfrastructure(String kafkaBootstrap, String mongoUri) implements Infrastructure {

    static Infrastructure fromEnvironment() {
        return new ExternalInfrastructure(
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
                System.getenv().getOrDefault("MONGO_URI", "mongodb://127.0.0.1:27017"));
    }

    @Override
    public String kind() {
        return "external";
    }

    @Override
    public void stopKafka() {
        throw new UnsupportedOperationException("the external stack is not stopped by tests");
    }

    @Override
    public void startKafka() {
        throw new UnsupportedOperationException("the external stack is not stopped by tests");
    }

    @Override
    public void stopMongo() {
        throw new UnsupportedOperationException("the external stack is not stopped by tests");
    }

    @Override
    public void startMongo() {
        throw new UnsupportedOperationException("the external stack is not stopped by tests");
    }
}
