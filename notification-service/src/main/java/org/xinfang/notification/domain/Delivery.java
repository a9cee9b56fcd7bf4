package org.xinfang.notification.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One alert, at one escalation step, to one contact over one channel. Its id is the idempotency key a receiver sees,
 * the same on every retry, so a receiver can drop repeats.
 */
public record Delivery(String deliveryId, String alertId, int step, String contactId, DeliveryChannel channel,
                       String target) {

    /** The deliveries an alert at its current step needs: one per channel of each contact it reaches. */
    public static List<Delivery> forAlert(Alert alert, List<Contact> contacts) {
        List<Delivery> deliveries = new ArrayList<>();
        for (Contact contact : contacts) {
            if (!contact.reaches(alert.currentRole(), alert.department())) {
                continue;
            }
            add(deliveries, alert, contact, DeliveryChannel.WEBHOOK, contact.webhookUrl());
            add(deliveries, alert, contact, DeliveryChannel.EMAIL, contact.email());
            add(deliveries, alert, contact, DeliveryChannel.SMS, contact.phone());
        }
        return deliveries;
    }

    private static void add(List<Delivery> into, Alert alert, Contact contact, DeliveryChannel channel, String target) {
        if (target != null) {
            String id = UUID.nameUUIDFromBytes((alert.alertId() + "|" + alert.step() + "|" + contact.contactId() + "|"
                    + channel).getBytes(StandardCharsets.UTF_8)).toString();
            into.add(new Delivery(id, alert.alertId(), alert.step(), contact.contactId(), channel, target));
        }
    }

    /** Exponential backoff after the n-th failed attempt (1-based), capped. */
    public static Duration backoff(int failedAttempts, Duration first, Duration max) {
        long factor = 1L << Math.min(Math.max(failedAttempts - 1, 0), 20);
        Duration wait = first.multipliedBy(factor);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
