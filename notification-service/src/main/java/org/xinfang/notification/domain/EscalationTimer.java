package org.xinfang.notification.domain;

import java.time.Instant;

/**
 * A stored promise to escalate one alert from one step when its wait is over. There is at most one per (alert, step),
 * which is what makes a step fire once however many instances or restarts see it.
 */
public record EscalationTimer(String timerId, String alertId, int fromStep, Instant dueAt) {

    public static EscalationTimer of(String alertId, int fromStep, Instant dueAt) {
        return new EscalationTimer(alertId + "#" + fromStep, alertId, fromStep, dueAt);
    }
}
