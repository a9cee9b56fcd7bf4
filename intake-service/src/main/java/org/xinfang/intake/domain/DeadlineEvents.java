package org.xinfang.intake.domain;

import org.xinfang.contracts.event.DeadlineBasis;
import org.xinfang.contracts.event.Deadlines;

/** A deadline as events carry it: the instant, and how it was counted, so no reader ever counts again. */
final class DeadlineEvents {

    private DeadlineEvents() {
    }

    static DeadlineBasis basis(Deadline d) {
        if (d == null || d.limit() == null) {
            return null;
        }
        return new DeadlineBasis(d.step().name(), d.lastDay(), d.zone().getId(), d.limit().days(),
                d.limit().kind().name(), d.calendarVersions(), d.calendarComplete(), d.rulesVersion());
    }

    /** The limits stated on receipt: acceptance as counted, handling and the longest extension in days. */
    static Deadlines onReceipt(Deadline accept, LegalRules rules) {
        return new Deadlines(accept.dueBy(), rules.limit(LegalStep.HANDLE).days(),
                rules.limit(LegalStep.EXTENSION).days(), basis(accept));
    }
}
