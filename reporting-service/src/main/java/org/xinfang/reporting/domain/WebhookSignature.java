package org.xinfang.reporting.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a bureau system knows a webhook call came from us and was not replayed later: an HMAC-SHA256 over
 * {@code timestamp + "." + body} with the subscription's secret, sent as {@code sha256=<hex>}. The receiver
 * recomputes it and rejects old timestamps. While a rotated secret overlaps, both signatures travel, the current
 * first: {@code sha256=<new>, sha256=<old>}; the receiver accepts the call when one of them is its secret's.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    /** The header's value: the current secret's signature, then the previous one's while it overlaps (or null). */
    public static String header(String secret, String overlapping, long epochSeconds, String body) {
        String current = sign(secret, epochSeconds, body);
        return overlapping == null ? current : current + ", " + sign(overlapping, epochSeconds, body);
    }

    public static String sign(String secret, long epochSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
