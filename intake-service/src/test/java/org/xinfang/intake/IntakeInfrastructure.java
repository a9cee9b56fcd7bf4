package org.xinfang.intake;

import java.util.Map;
import org.xinfang.localstack.testing.OwnInfrastructure;

/** Each {@link IntakeServiceTest} class on the shared infrastructure, in a database and consumer group of its own. */
public final class IntakeInfrastructure extends OwnInfrastructure {

    @Override
    protected Map<String, Object> properties(Class<?> testClass) {
        return IntakeTestSupport.properties(testClass);
    }
}
