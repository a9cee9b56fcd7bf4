package org.xinfang.routing;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TestIssuer;

/**
 * Points a Spring context at the shared real broker and Mongo-wire server, with a database and group of its own, and at
 * the test issuer whose tokens every request carries.
 */
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
        TestIssuer.shared().resourceServerProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    /** A bearer token of a school user of {@code district}/{@code school}. */
    public static String school(String district, String school, Role role) {
        return TestIssuer.shared().school(district, school, role).bearer();
    }

    /** A bearer token of the administrator of {@code district}, with the subject and name audit trails record. */
    public static String administrator(String district, String subject, String name) {
        return TestIssuer.shared().district(district, Role.ADMINISTRATOR).subject(subject).claim("name", name).bearer();
    }
}
