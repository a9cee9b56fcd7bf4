package org.xinfang.notification.messaging;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.reactive.function.client.WebClient;
import org.xinfang.kit.config.DevelopmentValues;
import org.xinfang.notification.domain.DeliveryChannel;
import reactor.core.publisher.Mono;

/**
 * Posts the alert as JSON to the contact's URL, signed with HMAC-SHA256 over {@code timestamp + "." + body} so the
 * receiver can check it came from here and is fresh. Any answer but 2xx is a failure to retry.
 */
@Component
class WebhookSender implements ChannelSender {

    static final String SIGNATURE = "X-Xinfang-Signature";
    static final String TIMESTAMP = "X-Xinfang-Timestamp";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final WebClient client;
    private final byte[] secret;
    private final Duration timeout;
    private final Clock clock;

    /** The local stack's secret, published in application.yml: refused under the kubernetes profile. */
    static final String DEVELOPMENT_SECRET = "local-development-secret";

    WebhookSender(@Qualifier("webhookClient") WebClient client,
                  @Value("${xinfang.notification.webhooks.signing-secret:}") String secret,
                  @Value("${xinfang.notification.webhook.timeout:PT5S}") Duration timeout, Clock clock,
                  Environment environment) {
        DevelopmentValues.refuseInCluster(environment, "XINFANG_NOTIFICATION_WEBHOOKS_SIGNINGSECRET", secret,
                Set.of(DEVELOPMENT_SECRET), 32);
        this.client = client;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.WEBHOOK;
    }

    @Override
    public Mono<Void> send(String idempotencyKey, String target, OutboundMessage message) {
        byte[] body = message.json();
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        return client.post().uri(target)
                .contentType(MediaType.APPLICATION_JSON)
                .header(IDEMPOTENCY_KEY, idempotencyKey)
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, "sha256=" + sign(secret, timestamp, body))
                .bodyValue(body)
                .retrieve()
                // Only a 2xx is a delivery: a redirect is not followed, so its receiver has not taken the message.
                .onStatus(status -> !status.is2xxSuccessful(), response -> response.createException())
                .toBodilessEntity()
                .timeout(timeout)
                .then();
    }

    /** The signature a receiver recomputes: hex HMAC-SHA256 of {@code timestamp + "." + body}. */
    static String sign(byte[] secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
