package org.xinfang.reporting;

import org.xinfang.localstack.testing.faults.ServiceProbe;
import org.xinfang.localstack.testing.faults.StoreStalledScenario;

/** Reporting when its store stalls or goes (StoreStalledScenario). */
@ReportingServiceTest
class StoreStalledIT extends StoreStalledScenario {

    private static final String DISTRICT = "d-stalled-it";

    @Override
    protected ServiceProbe probe() {
        return new ServiceProbe(port, "/api/v1/subscriptions/districts/" + DISTRICT + "/webhooks", Tokens.administrator(DISTRICT));
    }
}
