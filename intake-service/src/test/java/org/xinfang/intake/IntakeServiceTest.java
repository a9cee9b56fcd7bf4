package org.xinfang.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * The whole service on a random port with a {@code WebTestClient}. Each test class still declares its own
 * {@code @DynamicPropertySource} calling {@link IntakeTestSupport#infrastructure}, so it gets a database and consumer
 * group of its own (and its own application context). Extra properties go in {@code @TestPropertySource}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
public @interface IntakeServiceTest {
}
