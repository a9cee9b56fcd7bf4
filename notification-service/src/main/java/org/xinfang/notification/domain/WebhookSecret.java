package org.xinfang.notification.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A webhook contact's own signing secret, so that no receiver can sign an alert another receiver would trust. It
 * belongs to one URL: a contact given a new URL gets a new secret, and the old receiver's secret signs nothing more.
 * After a rotation the previous secret keeps signing too, next to the current one, until {@code previousUntil}, so the
 * receiver can switch at its own pace. {@code previousShared} marks a contact registered before secrets were per
 * contact: its previous secret is the service's shared one, which it was signed with until this rotation.
 */
public record WebhookSecret(String url, String current, String previous, boolean previousShared,
                            Instant previousUntil) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new secret for a URL, with nothing before it. */
    public static WebhookSecret fresh(String url) {
        return new WebhookSecret(url, newSecret(), null, false, null);
    }

    /**
     * The next secret for this URL: the current one becomes the previous, signing until {@code until}. A contact
     * without its own secret yet ({@code before} null) keeps the service's shared secret as its previous one.
     */
    public static WebhookSecret rotated(WebhookSecret before, String url, Instant until) {
        if (before == null || !before.url().equals(url)) {
            return new WebhookSecret(url, newSecret(), null, before == null, until);
        }
        return new WebhookSecret(url, newSecret(), before.current(), false, until);
    }

    /** Whether the previous secret still signs at {@code now}. */
    public boolean overlapsAt(Instant now) {
        return previousUntil != null && now.isBefore(previousUntil) && (previous != null || previousShared);
    }

    /** 32 random bytes as hex: as strong as the HMAC-SHA256 key it becomes. */
    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
