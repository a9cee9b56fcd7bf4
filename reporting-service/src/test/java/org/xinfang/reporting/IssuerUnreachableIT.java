package org.xinfang.reporting;

import org.xinfang.localstack.testing.faults.IssuerUnreachableScenario;
import org.xinfang.localstack.testing.faults.ServiceProbe;

/** Reporting while its token issuer is away: the scenario every service passes (IssuerUnreachableScenario). */
@ReportingServiceTest
class IssuerUnreachableIT extends IssuerUnreachableScenario {

    private static final String DISTRICT = "d-issuer-it";

    /** Readiness also waits for the folding loop, which this test does not feed. */
    @Override
    protected String healthPath() {
        return "/actuator/health/liveness";
    }

    @Override
    protected ServiceProbe probe() {
        return new ServiceProbe(port, "/api/v1/subscriptions/districts/" + DISTRICT + "/webhooks", Tokens.administrator(DISTRICT));
    }
}
