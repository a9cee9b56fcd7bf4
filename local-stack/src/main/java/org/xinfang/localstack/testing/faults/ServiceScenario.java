package org.xinfang.localstack.testing.faults;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A fault scenario run against the service itself: the service on a random port, in an application context closed
 * after the class (its store or issuer sits behind the scenario's front, which no other class should inherit).
 */
@DirtiesContext
public abstract class ServiceScenario {

    /** The port of the service under test. */
    @Value("${local.server.port}")
    protected int port;

    /** One read of the service that the fault reaches; the scenario sends it with and without its token. */
    protected abstract ServiceProbe probe();
}
