package org.xinfang.localstack.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points each test class of a service at the shared broker and store, in a database and consumer group of the class's
 * own, trusting the test issuer: what every class used to declare in a {@code @DynamicPropertySource} of its own. A
 * service names its properties in a subclass and puts it on its test annotation with
 * {@code @ContextCustomizerFactories}.
 *
 * <p>The customizer is equal only for the same test class, so each class still gets an application context of its
 * own. The properties rank just below the class's own {@code @DynamicPropertySource} values (a store or an issuer
 * behind a fault front overrides them) and above {@code @TestPropertySource}, where they stood before.
 */
public abstract class OwnInfrastructure implements ContextCustomizerFactory {

    /** Where Spring keeps the values of {@code @DynamicPropertySource} methods. */
    private static final String DYNAMIC_PROPERTIES = "Dynamic Test Properties";

    /** The service's properties for {@code testClass}: broker, store, its own database and group, the issuer. */
    protected abstract Map<String, Object> properties(Class<?> testClass);

    /**
     * What every service's test properties start from: the shared broker and store, {@code database} in it, and the
     * test issuer as the one the service trusts. The service adds its consumer group, under its own key.
     */
    public static Map<String, Object> brokerStoreAndIssuer(String database) {
        Infrastructure infrastructure = Infrastructure.shared();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrap());
        properties.put("xinfang.mongo.uri", infrastructure.mongoUri());
        properties.put("xinfang.mongo.database", database);
        properties.putAll(TestIssuer.shared().resourceServerProperties());
        return properties;
    }

    @Override
    public final ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> attributes) {
        return new Customizer(this, testClass);
    }

    private static final class Customizer implements ContextCustomizer {

        private final OwnInfrastructure factory;
        private final Class<?> testClass;

        Customizer(OwnInfrastructure factory, Class<?> testClass) {
            this.factory = factory;
            this.testClass = testClass;
        }

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
            MapPropertySource own = new MapPropertySource("infrastructure of " + testClass.getName(),
                    factory.properties(testClass));
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            // Spring may add the dynamic properties before or after this runs; either way they stay on top.
            if (sources.contains(DYNAMIC_PROPERTIES)) {
                sources.addAfter(DYNAMIC_PROPERTIES, own);
            } else {
                sources.addFirst(own);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer that && that.factory.getClass() == factory.getClass()
                    && that.testClass == testClass;
        }

        @Override
        public int hashCode() {
            return Objects.hash(factory.getClass(), testClass);
        }
    }
}
