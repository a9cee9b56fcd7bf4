package org.xinfang.routing;

import java.util.Map;
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.OwnInfrastructure;
import org.xinfang.localstack.testing.TestIssuer;

/**
 * Points a Spring context at the shared real broker and Mongo-wire server, with a database and group of its own, and at
 * the test issuer whose tokens every request carries ({@link RoutingInfrastructure} does it for each test class).
 */
public final class RoutingIntegrationSupport {

    private RoutingIntegrationSupport() {
    }

    /** The broker, the store, a database and consumer group named after {@code testClass}, the test issuer. */
    public static Map<String, Object> properties(Class<?> testClass) {
        String name = "routing-" + testClass.getSimpleName().toLowerCase();
        Map<String, Object> properties = OwnInfrastructure.brokerStoreAndIssuer(name);
        // Its own consumer group, so another test class's context never takes this one's partitions.
        properties.put("spring.kafka.consumer.group-id", name);
        return properties;
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
