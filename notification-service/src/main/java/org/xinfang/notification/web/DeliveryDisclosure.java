package org.xinfang.notification.web;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xinfang.notification.domain.Contact;
import org.xinfang.notification.domain.Delivery;
import org.xinfang.notification.domain.DeliveryChannel;
import org.xinfang.notification.persistence.DeliveryStore;

/**
 * What a delivery shows to someone without access to contacts: that it was made, on which channel, and how it went,
 * but not where it went (a leader's webhook or phone) nor a receiver's raw error, which would turn the list into a
 * probe of internal addresses.
 */
final class DeliveryDisclosure {

    private DeliveryDisclosure() {
    }

    /**
     * The addresses the caller may read through contacts: each as contact, channel and address, so a delivery to the
     * district's own contact of the same id, or to an address the contact no longer has, stays masked.
     */
    record Readable(Set<String> addresses) {

        static final Readable NONE = new Readable(Set.of());

        static Readable of(List<Contact> contacts) {
            Set<String> addresses = new HashSet<>();
            for (Contact c : contacts) {
                addresses.add(key(c.contactId(), DeliveryChannel.WEBHOOK, c.webhookUrl()));
                addresses.add(key(c.contactId(), DeliveryChannel.EMAIL, c.email()));
                addresses.add(key(c.contactId(), DeliveryChannel.SMS, c.phone()));
            }
            return new Readable(Set.copyOf(addresses));
        }

        DeliveryStore.Tracked disclose(DeliveryStore.Tracked t) {
            Delivery d = t.delivery();
            return addresses.contains(key(d.contactId(), d.channel(), d.target())) ? t : masked(t);
        }

        private static String key(String contactId, DeliveryChannel channel, String target) {
            return contactId + "|" + channel + "|" + target;
        }
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
