package org.xinfang.notification.messaging;

import java.util.List;
import org.xinfang.notification.domain.Alert;
import org.xinfang.notification.domain.Incident;

/** Told as soon as alerts are stored, before their events are published: channels and escalation timers start here. */
public interface AlertListener {

    /** Called for every delivery of a routed event, new alerts or not; implementations must be idempotent. */
    void alertsStored(Incident incident, List<Alert> alerts);
}
