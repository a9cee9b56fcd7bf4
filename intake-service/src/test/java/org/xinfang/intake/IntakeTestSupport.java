package org.xinfang.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.xinfang.localstack.testing.Infrastructure;

/** What every intake integration test shares: the real broker and store, a database and consumer group of its own. */
public final class IntakeTestSupport {

    public static final String DISTRICT = "d-east";
    public static final String SCHOOL = "s-east-01";

    public static final String GROUP_PETITION = """
            {"channel":"VISIT","form":"GROUP","headcount":12,"escalated":false,"anonymous":false,
             "petitioners":[{"name":"王某","phone":"13800000000","relation":"PARENT"}],
             "subject":null,"title":"家长反映食堂卫生问题","description":"十余名家长在校门口聚集，反映食堂卫生差。",
             "place":"学校正门","riskSignals":["BLOCKING"]}""";

    private IntakeTestSupport() {
    }

    /** Points the application at the shared infrastructure, in a database and consumer group unique to the caller. */
    public static void infrastructure(DynamicPropertyRegistry registry, Class<?> testClass) {
        Infrastructure infrastructure = Infrastructure.shared();
        String unique = testClass.getSimpleName().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrap);
        registry.add("xinfang.mongo.uri", infrastructure::mongoUri);
        registry.add("xinfang.mongo.database", () -> "intake-" + unique);
        registry.add("spring.kafka.consumer.group-id", () -> "intake-" + unique);
        registry.add("xinfang.intake.outbox.relay-interval", () -> "500ms");
        registry.add("xinfang.intake.outbox.sweep-interval", () -> "2s");
    }

    /** Waits for a condition with a bound, instead of sleeping a fixed time. */
    public static void await(String what, Duration within, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        throw new AssertionError(what + " did not happen within " + within);
    }
}
