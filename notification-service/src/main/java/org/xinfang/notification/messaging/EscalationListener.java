package org.xinfang.notification.messaging;

import org.xinfang.notification.domain.Alert;
import org.xinfang.notification.domain.EscalationChain;

/** Told when an alert moves to the next step, so the channels reach the new role. */
public interface EscalationListener {

    void alertEscalated(Alert alert, EscalationChain.Escalation escalation);
}
