package org.xinfang.reporting;

import java.util.Map;
import org.xinfang.localstack.testing.OwnInfrastructure;

/**
 * Each reporting test class on the shared broker and store, in a database and consumer group named after it, trusting
 * the test issuer. Other test classes fill the shared broker, so a class folds only what is published after it has
 * started ({@code offset-reset=latest}).
 */
public final class ReportingInfrastructure extends OwnInfrastructure {

    @Override
    protected Map<String, Object> properties(Class<?> testClass) {
        String name = testClass.getSimpleName().toLowerCase();
        Map<String, Object> properties = brokerStoreAndIssuer("reporting_" + name);
        properties.put("xinfang.reporting.consumer-group", "reporting-" + name);
        properties.put("xinfang.reporting.offset-reset", "latest");
        return properties;
    }
}
