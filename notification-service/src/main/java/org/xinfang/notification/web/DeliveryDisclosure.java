package org.xinfang.notification.web;

import java.util.Locale;
import org.xinfang.notification.domain.Delivery;
import org.xinfang.notification.persistence.DeliveryStore;

/**
 * What a delivery shows to someone without access to contacts: that it was made, on which channel, and how it went,
 * but not where it went (a leader's webhook or phone) nor a receiver's raw error, which would turn the list into a
 * probe of internal addresses.
 */
final class DeliveryDisclosure {

    private DeliveryDisclosure() {
    }

    static DeliveryStore.Tracked masked(DeliveryStore.Tracked t) {
        Delivery d = t.delivery();
        Delivery hidden = new Delivery(d.deliveryId(), d.alertId(), d.step(), d.contactId(), d.channel(),
                maskTarget(d.target()));
        return new DeliveryStore.Tracked(hidden, t.state(), t.attempts(), t.nextAttemptAt(), category(t.lastError()));
    }

    /** https://***, z***@example.org, 138****0000. */
    static String maskTarget(String target) {
        if (target == null) {
            return null;
        }
        int scheme = target.indexOf("://");
        if (scheme > 0) {
            return target.substring(0, scheme) + "://***";
        }
        int at = target.indexOf('@');
        if (at > 0) {
            return target.charAt(0) + "***" + target.substring(at);
        }
        String digits = target.replaceAll("[^0-9+]", "");
        if (digits.length() >= 7) {
            return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
        }
        return "***";
    }

    /**
     * The reason as a category: the suite's own reasons for holding a delivery back (silenced, inhibited, repeat,
     * grouped) stay as they are; a receiver's failure becomes timeout, unreachable, rejected or failed.
     */
    static String category(String error) {
        if (error == null || error.isBlank()) {
            return error;
        }
        String first = error.split("[\\s:(]", 2)[0].toLowerCase(Locale.ROOT);
        if (first.equals("silenced") || first.equals("inhibited") || first.equals("repeat") || first.equals("grouped")) {
            return first;
        }
        String e = error.toLowerCase(Locale.ROOT);
        if (e.contains("timeout") || e.contains("timed out")) {
            return "timeout";
        }
        if (e.contains("refused") || e.contains("unreachable") || e.contains("resolve") || e.contains("unknownhost")
                || e.contains("connect") || e.contains("not allowed")) {
            return "unreachable";
        }
        if (e.matches(".*\\b[345]\\d\\d\\b.*") || e.contains("status")) {
            return "rejected";
        }
        return "failed";
    }
}
