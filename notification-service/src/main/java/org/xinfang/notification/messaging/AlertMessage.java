package org.xinfang.notification.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * Several non-critical alerts to one person within the grouping window, as one message: each alert's line, and in
     * JSON each alert as it would travel alone. The group's id is the idempotency key.
     */
    static OutboundMessage grouped(String groupId, List<Delivery> members, Map<String, Alert> alerts) {
        List<Map<String, Object>> items = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Delivery member : members) {
            Alert alert = alerts.get(member.alertId());
            if (alert == null) {
                continue;
            }
            items.add(fields(member, alert));
            text.append("• ").append(alert.summary()).append("（预警编号 ").append(alert.alertId()).append("）\n");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("groupId", groupId);
        body.put("count", items.size());
        body.put("alerts", items);
        String subject = "[信访提醒] " + items.size() + " 条提醒 / " + items.size() + " notifications";
        String fullText = text + "\n以上提醒在同一时间窗口内合并发送，请逐条确认。\n合并编号 " + groupId;
        String shortText = items.size() + " 条信访提醒：" + (items.isEmpty() ? "" : ((String) items.get(0).get("summary")))
                + (items.size() > 1 ? " 等" : "");
        return new OutboundMessage(subject, fullText, shortText, EventJson.mapper().writeValueAsBytes(body));
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
