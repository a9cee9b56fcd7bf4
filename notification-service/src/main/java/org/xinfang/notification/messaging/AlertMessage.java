package org.xinfang.notification.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.notification.domain.Alert;
import org.xinfang.notification.domain.Delivery;

/**
 * What a channel carries: the alert as the plan needs it, never the petitioner's identity (the summary is built from
 * the routing decision only), plus the delivery id a receiver uses to drop repeats.
 */
final class AlertMessage {

    private AlertMessage() {
    }

    static Map<String, Object> fields(Delivery delivery, Alert alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveryId", delivery.deliveryId());
        body.put("alertId", alert.alertId());
        body.put("incidentId", alert.incidentId());
        body.put("petitionId", alert.petitionId());
        body.put("district", alert.district());
        body.put("school", alert.school());
        body.put("kind", alert.kind().name());
        body.put("level", alert.level().name());
        body.put("recipientRole", alert.recipientRole().name());
        body.put("currentRole", alert.currentRole().name());
        body.put("department", alert.department());
        body.put("step", alert.step());
        body.put("summary", alert.summary());
        body.put("raisedAt", alert.raisedAt().toString());
        return body;
    }

    /** The alert as every channel carries it for this delivery. */
    static OutboundMessage of(Delivery delivery, Alert alert) {
        return new OutboundMessage(subject(alert), text(delivery, alert), alert.summary(), json(delivery, alert));
    }

    static byte[] json(Delivery delivery, Alert alert) {
        return EventJson.mapper().writeValueAsBytes(fields(delivery, alert));
    }

    static String subject(Alert alert) {
        return "[信访预警 " + alert.level() + "] " + alert.kind() + " " + alert.petitionId();
    }

    static String text(Delivery delivery, Alert alert) {
        return alert.summary() + "\n\n预警编号 " + alert.alertId() + "（第 " + alert.step() + " 级），请尽快确认。\n"
                + "投递编号 " + delivery.deliveryId();
    }
}
