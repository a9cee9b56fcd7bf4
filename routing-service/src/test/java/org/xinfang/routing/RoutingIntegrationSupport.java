package org.xinfang.routing;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.xinfang.localstack.testing.Infrastructure;

/** Points a Spring context at the shared real broker and Mongo-wire server, with a database and group of its own. */
public final class RoutingIntegrationSupport {

    private RoutingIntegrationSupport() {
    }

    public static void register(DynamicPropertyRegistry registry, Class<?> testClass) {
        Infrastructure infrastructure = Infrastructure.shared();
        String name = "routing-" + testClass.getSimpleName().toLowerCase();
        registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrap);
        registry.add("xinfang.mongo.uri", infrastructure::mongoUri);
        registry.add("xinfang.mongo.database", () -> name);
        // Its own consumer group, so another test class's context never takes this one's partitions.
        registry.add("spring.kafka.consumer.group-id", () -> name);
    }
}
