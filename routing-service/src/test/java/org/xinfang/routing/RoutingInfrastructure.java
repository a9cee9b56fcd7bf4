package org.xinfang.routing;

import java.util.Map;
import org.xinfang.localstack.testing.OwnInfrastructure;

/** Each routing test class on the shared infrastructure, in a database and consumer group of its own. */
public final class RoutingInfrastructure extends OwnInfrastructure {

    @Override
    protected Map<String, Object> properties(Class<?> testClass) {
        return RoutingIntegrationSupport.properties(testClass);
    }
}
