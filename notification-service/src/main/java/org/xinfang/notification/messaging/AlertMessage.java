package org.xinfang.notification.messaging;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.contracts.vocabulary.Departments;
import org.xinfang.contracts.vocabulary.WrittenTime;
import org.xinfang.notification.domain.Alert;
import org.xinfang.notification.domain.Delivery;

/**
 * What a channel carries: the alert as the plan needs it, never the petitioner's identity (the summary is built from
 * the routing decision only), plus the delivery id a receiver uses to drop repeats.
 */
final class AlertMessage {

    /** One segment of a Chinese text message. */
    static final int SMS_LENGTH = 70;

    private AlertMessage() {
    }

    static Map<String, Object> fields(Delivery delivery, Alert alert, ZoneId zone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveryId", delivery.deliveryId());
        body.put("alertId", alert.alertId());
        body.put("incidentId", alert.incidentId());
        body.put("petitionId", alert.petitionId());
        body.put("district", alert.district());
        body.put("school", alert.school());
        body.put("kind", alert.kind().name());
        body.put("kindName", alert.kind().chineseName());
        body.put("level", alert.level().name());
        body.put("levelName", alert.level().chineseName());
        body.put("recipientRole", alert.recipientRole().name());
        body.put("recipientRoleName", alert.recipientRole().chineseName());
        body.put("currentRole", alert.currentRole().name());
        body.put("currentRoleName", alert.currentRole().chineseName());
        body.put("department", alert.department());
        body.put("departmentName", alert.department() == null ? null : Departments.chineseName(alert.department()));
        body.put("step", alert.step());
        body.put("summary", alert.summary());
        body.put("details", alert.details());
        body.put("raisedAt", alert.raisedAt().toString());
        body.put("raisedAtLocal", WrittenTime.of(alert.raisedAt(), zone));
        return body;
    }

    /** The alert as every channel carries it for this delivery. */
    static OutboundMessage of(Delivery delivery, Alert alert, ZoneId zone) {
        return new OutboundMessage(subject(alert), text(delivery, alert, zone), shortText(alert),
                json(delivery, alert, zone));
    }

    /**
     * Several non-critical alerts to one person within the grouping window, as one message: each alert's line, and in
     * JSON each alert as it would travel alone. The group's id is the idempotency key.
     */
    static OutboundMessage grouped(String groupId, List<Delivery> members, Map<String, Alert> alerts, ZoneId zone) {
        List<Map<String, Object>> items = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Delivery member : members) {
            Alert alert = alerts.get(member.alertId());
            if (alert == null) {
                continue;
            }
            items.add(fields(member, alert, zone));
            text.append("• ").append(WrittenTime.clock(alert.raisedAt(), zone)).append(" ").append(alert.summary())
                    .append("\n");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("groupId", groupId);
        body.put("count", items.size());
        body.put("alerts", items);
        String subject = "【信访提醒】" + items.size() + "条提醒";
        String fullText = text + "\n以上提醒在同一时间段内合并发送，请逐条确认。\n合并编号 " + groupId;
        String shortText = fitted(items.size() + "条信访提醒："
                + (items.isEmpty() ? "" : ((String) items.get(0).get("summary"))), items.size() > 1 ? "等" : "");
        return new OutboundMessage(subject, fullText, shortText, EventJson.mapper().writeValueAsBytes(body));
    }

    static byte[] json(Delivery delivery, Alert alert, ZoneId zone) {
        return EventJson.mapper().writeValueAsBytes(fields(delivery, alert, zone));
    }

    /** The summary line itself (level, number, scene, what to do), marked when escalated. */
    static String subject(Alert alert) {
        return (alert.step() > 0 ? "【逐级上报】" : "") + alert.summary();
    }

    static String text(Delivery delivery, Alert alert, ZoneId zone) {
        StringBuilder text = new StringBuilder();
        if (alert.step() > 0) {
            text.append(escalated(alert, zone)).append("\n\n");
        }
        text.append(alert.summary()).append("\n\n");
        if (alert.details() != null) {
            text.append(alert.details()).append("\n");
        }
        text.append("发出时间：").append(WrittenTime.of(alert.raisedAt(), zone)).append("\n\n")
                .append("请尽快确认（预警编号 ").append(alert.alertId()).append("，第").append(alert.step() + 1)
                .append("步）。\n投递编号 ").append(delivery.deliveryId());
        return text.toString();
    }

    /** The text message: one segment, escalated alerts saying so first. */
    static String shortText(Alert alert) {
        return alert.step() > 0 ? fitted("【升级】原发" + alert.recipientRole().chineseName() + "未确认。", alert.summary())
                : alert.summary();
    }

    /**
     * Why an escalated alert reaches this person: who was asked first and since when nobody answered, so the principal
     * does not read the leader's request as if it were addressed to them.
     */
    static String escalated(Alert alert, ZoneId zone) {
        return "【逐级上报】本预警原发" + alert.recipientRole().chineseName() + "，自"
                + WrittenTime.of(alert.raisedAt(), zone) + "起未获确认，现转请" + alert.currentRole().chineseName()
                + "处理。";
    }

    private static String fitted(String head, String rest) {
        String all = head + rest;
        return all.length() <= SMS_LENGTH ? all : all.substring(0, SMS_LENGTH - 1) + "…";
    }
}
