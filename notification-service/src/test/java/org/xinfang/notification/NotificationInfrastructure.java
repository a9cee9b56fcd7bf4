package org.xinfang.notification;

import java.util.Map;
import org.xinfang.localstack.testing.OwnInfrastructure;

/** A notification test class on the shared infrastructure, in a database and consumer group of its own. */
public final class NotificationInfrastructure extends OwnInfrastructure {

    @Override
    protected Map<String, Object> properties(Class<?> testClass) {
        return Fixtures.properties(testClass.getSimpleName().toLowerCase());
    }
}
