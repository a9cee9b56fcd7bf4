package org.xinfang.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.xinfang.contracts.event.Deadlines;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.Await;
import org.xinfang.localstack.testing.OwnInfrastructure;
import org.xinfang.localstack.testing.TestIssuer;

/** What the integration tests share: the real infrastructure's properties, routed events, and a bounded wait. */
public final class Fixtures {

    public static final String DISTRICT = "d-east";
    public static final String SCHOOL = "s-east-01";

    private Fixtures() {
    }

    /** Points the service at the shared broker and store, with a database and consumer group of its own. */
    public static void infrastructure(DynamicPropertyRegistry registry, String name) {
        properties(name).forEach((k, v) -> registry.add(k, () -> v));
    }

    /** The shared broker and store, a database and consumer group unique to {@code name}, the test issuer. */
    public static Map<String, Object> properties(String name) {
        String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> properties = OwnInfrastructure.brokerStoreAndIssuer(unique);
        properties.put("spring.kafka.consumer.group-id", unique);
        return properties;
    }

    /** A bearer token of a school role at a school of d-east. */
    public static String bearer(String school, Role role) {
        return TestIssuer.shared().school(DISTRICT, school, role).subject("u-" + role.name().toLowerCase() + "-" + school)
                .claim("name", role.name().toLowerCase() + " of " + school).bearer();
    }

    /** A bearer token of a department handler at a school of d-east. */
    public static String handler(String school, String department) {
        return TestIssuer.shared().department(DISTRICT, school, department).bearer();
    }

    /** A bearer token of a district role of d-east. */
    public static String bearer(Role role) {
        return TestIssuer.shared().district(DISTRICT, role).subject("u-" + role.name().toLowerCase()).bearer();
    }

    /** The subject {@link #bearer(String, Role)} puts in the token. */
    public static String subject(String school, Role role) {
        return "u-" + role.name().toLowerCase() + "-" + school;
    }

    public static PetitionRouted routed(EmergencyLevel level, String department, List<String> coDepartments) {
        return routed(SCHOOL, level, department, coDepartments);
    }

    public static PetitionRouted routed(String school, EmergencyLevel level, String department, List<String> coDepartments) {
        String petitionId = "p-" + UUID.randomUUID();
        Instant now = Instant.now();
        return new PetitionRouted(EventMeta.forPetition(PetitionRouted.class, DISTRICT, school, petitionId, now),
                UUID.randomUUID().toString(), Subject.HYGIENE, department, coDepartments, level,
                List.of("test"), "test-rules", new Deadlines(now.plus(Duration.ofDays(15)), 60, 30));
    }

    /** Waits for a condition with a bound, checking often; fails with the message if it never holds. */
    public static void await(String what, Duration bound, BooleanSupplier condition) {
        Await.until(what, bound, condition);
    }
}
