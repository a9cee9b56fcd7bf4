package org.xinfang.routing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * The whole service on a random port with a {@code WebTestClient}, on the shared broker and store in a database and
 * consumer group of the test class's own ({@link RoutingInfrastructure}), closed after the class. Extra properties go
 * in {@code @TestPropertySource}; a {@code @DynamicPropertySource} overrides the infrastructure's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
@DirtiesContext
@ContextCustomizerFactories(RoutingInfrastructure.class)
public @interface RoutingServiceTest {
}
