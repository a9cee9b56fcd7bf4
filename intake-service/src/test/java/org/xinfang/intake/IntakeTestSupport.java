package org.xinfang.intake;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.Await;
import org.xinfang.localstack.testing.OwnInfrastructure;
import org.xinfang.localstack.testing.TestIssuer;

/**
 * What every intake integration test shares: the real broker and store, a database and consumer group of its own,
 * the test issuer whose tokens the service verifies, and bearer tokens for each role.
 */
public final class IntakeTestSupport {

    public static final String DISTRICT = "d-east";
    public static final String SCHOOL = "s-east-01";
    /** Another school of the same district. */
    public static final String OTHER_SCHOOL = "s-east-02";
    public static final String WEST = "d-west";
    public static final String WEST_SCHOOL = "s-west-01";
    /** The department routing assigns in these tests, and the one the handler's token names. */
    public static final String DEPARTMENT = "LOGISTICS";

    public static final String GROUP_PETITION = """
            {"channel":"VISIT","form":"GROUP","headcount":12,"escalated":false,"anonymous":false,
             "petitioners":[{"name":"王某","phone":"13800000000","relation":"PARENT"}],
             "subject":null,"title":"家长反映食堂卫生问题","description":"十余名家长在校门口聚集，反映食堂卫生差。",
             "place":"学校正门","riskSignals":["BLOCKING"]}""";

    private IntakeTestSupport() {
    }

    /**
     * Points the application at the shared infrastructure, in a database and consumer group unique to the caller, and
     * at the test issuer. {@link IntakeServiceTest} classes get these by themselves ({@link IntakeInfrastructure}).
     */
    public static void infrastructure(DynamicPropertyRegistry registry, Class<?> testClass) {
        properties(testClass).forEach((k, v) -> registry.add(k, () -> v));
    }

    /** The shared broker and store, a database and consumer group unique to {@code testClass}, the test issuer. */
    public static Map<String, Object> properties(Class<?> testClass) {
        String unique = testClass.getSimpleName().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> properties = OwnInfrastructure.brokerStoreAndIssuer("intake-" + unique);
        properties.put("spring.kafka.consumer.group-id", "intake-" + unique);
        properties.put("xinfang.intake.outbox.relay-interval", "500ms");
        properties.put("xinfang.intake.outbox.sweep-interval", "2s");
        return properties;
    }

    /** An {@code Authorization} value for {@code role} in the main test school (a handler of {@link #DEPARTMENT}). */
    public static String bearer(Role role) {
        return bearer(DISTRICT, SCHOOL, role);
    }

    /** For {@code role} in {@code school} of d-east. */
    public static String bearer(String school, Role role) {
        return bearer(DISTRICT, school, role);
    }

    /** A school role in {@code district}/{@code school}, or a district role of {@code district} (school ignored). */
    public static String bearer(String district, String school, Role role) {
        return token(district, school, role).bearer();
    }

    /** The token being built, to spoil it in one way before signing. */
    public static TestIssuer.Token token(String district, String school, Role role) {
        TestIssuer issuer = TestIssuer.shared();
        if (role == Role.DEPARTMENT_HANDLER) {
            return issuer.department(district, school, DEPARTMENT);
        }
        return role.scope() == Role.Scope.DISTRICT ? issuer.district(district, role) : issuer.school(district, school, role);
    }

    /** A handler of {@code department} in the main test school. */
    public static String handler(String department) {
        return TestIssuer.shared().department(DISTRICT, SCHOOL, department).bearer();
    }

    /** The subject the test issuer gives a school role's token, as histories record it. */
    public static String subjectOf(String school, Role role) {
        return school + "-" + role.name().toLowerCase();
    }

    /** Waits for a condition with a bound, instead of sleeping a fixed time. */
    public static void await(String what, Duration within, BooleanSupplier condition) {
        Await.until(what, within, condition);
    }
}
