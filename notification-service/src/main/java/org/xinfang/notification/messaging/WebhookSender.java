package org.xinfang.notification.messaging;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
import org.xinfang.notification.domain.WebhookSecret;
import org.xinfang.notification.persistence.WebhookSecretStore;
import reactor.core.publisher.Mono;

/**
 * Posts the alert as JSON to the contact's URL, signed with HMAC-SHA256 over {@code timestamp + "." + body} so the
 * receiver can check it came from here and is fresh. Any answer but 2xx is a failure to retry.
 *
 * <p>Each contact signs with its own secret, so no receiver can forge an alert another receiver would trust. While a
 * rotated secret overlaps, the header carries both signatures, the current first: {@code sha256=<new>, sha256=<old>}.
 * A contact registered before secrets were per contact, and never rotated since, is signed with the service's shared
 * secret ({@code xinfang.notification.webhooks.signing-secret}) until an administrator rotates it.
 */
@Component
class WebhookSender implements ChannelSender {

    static final String SIGNATURE = "X-Xinfang-Signature";
    static final String TIMESTAMP = "X-Xinfang-Timestamp";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final WebClient client;
    private final WebhookSecretStore secrets;
    private final byte[] shared;
    private final Duration timeout;
    private final Clock clock;

    /** The local stack's secret, published in application.yml: refused under the kubernetes profile. */
    static final String DEVELOPMENT_SECRET = "local-development-secret";

    WebhookSender(@Qualifier("webhookClient") WebClient client,
                  @Value("${xinfang.notification.webhooks.signing-secret:}") String secret,
                  @Value("${xinfang.notification.webhook.timeout:PT5S}") Duration timeout, Clock clock,
                  Environment environment, WebhookSecretStore secrets) {
        DevelopmentValues.refuseInCluster(environment, "XINFANG_NOTIFICATION_WEBHOOKS_SIGNINGSECRET", secret,
                Set.of(DEVELOPMENT_SECRET), 32);
        this.client = client;
        this.secrets = secrets;
        this.shared = secret.getBytes(StandardCharsets.UTF_8);
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.WEBHOOK;
    }

    @Override
    public Mono<Void> send(String idempotencyKey, Recipient to, OutboundMessage message) {
        Mono<Optional<WebhookSecret>> own = to.district() == null ? Mono.just(Optional.empty())
                : secrets.forDelivery(to.district(), to.school(), to.contactId(), to.target()).map(Optional::of)
                        .defaultIfEmpty(Optional.empty());
        return own.flatMap(secret -> post(idempotencyKey, to.target(), message.json(), secret.orElse(null)));
    }

    private Mono<Void> post(String idempotencyKey, String target, byte[] body, WebhookSecret own) {
        Instant now = clock.instant();
        String timestamp = Long.toString(now.getEpochSecond());
        return client.post().uri(target)
                .contentType(MediaType.APPLICATION_JSON)
                .header(IDEMPOTENCY_KEY, idempotencyKey)
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, signature(own, now, timestamp, body))
                .bodyValue(body)
                .retrieve()
                // Only a 2xx is a delivery: a redirect is not followed, so its receiver has not taken the message.
                .onStatus(status -> !status.is2xxSuccessful(), response -> response.createException())
                .toBodilessEntity()
                .timeout(timeout)
                .then();
    }

    /** The header's value: the contact's current signature, then the previous one while it overlaps. */
    private String signature(WebhookSecret own, Instant now, String timestamp, byte[] body) {
        if (own == null) {
            return "sha256=" + sign(shared, timestamp, body);
        }
        String current = "sha256=" + sign(bytes(own.current()), timestamp, body);
        if (!own.overlapsAt(now)) {
            return current;
        }
        byte[] previous = own.previousShared() ? shared : bytes(own.previous());
        return current + ", sha256=" + sign(previous, timestamp, body);
    }

    private static byte[] bytes(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8);
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
