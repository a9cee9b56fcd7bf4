package org.xinfang.notification.messaging;

import java.util.List;
import org.xinfang.notification.domain.Alert;

/** Told as soon as alerts are stored, before their events are published: channels and escalation timers start here. */
public interface AlertListener {

    /**
     * Called for every delivery of the routed events of one poll (alerts of several petitions and schools), new alerts
     * or not; implementations must be idempotent.
     */
    void alertsStored(List<Alert> alerts);
}
