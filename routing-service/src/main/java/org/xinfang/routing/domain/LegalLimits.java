package org.xinfang.routing.domain;

import java.time.Duration;
import java.time.Instant;
import org.xinfang.contracts.event.Deadlines;

/**
 * The legal time limits (national regulations, configurable): decide on acceptance within 15 days of receipt,
 * handle within 60 days of acceptance, extend by at most 30. Routing can fix only the first as an instant; the
 * others start when the department accepts.
 */
public record LegalLimits(int acceptWithinDays, int handleWithinDays, int extensionMaxDays) {

    public LegalLimits {
        if (acceptWithinDays < 1 || handleWithinDays < 1 || extensionMaxDays < 0) {
            throw new IllegalArgumentException("time limits must be positive days");
        }
    }

    public static LegalLimits defaults() {
        return new LegalLimits(15, 60, 30);
    }

    public Deadlines from(Instant receivedAt) {
        return new Deadlines(receivedAt.plus(Duration.ofDays(acceptWithinDays)), handleWithinDays, extensionMaxDays);
    }
}
