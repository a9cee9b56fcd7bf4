package org.xinfang.notification.messaging;

import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.xinfang.notification.domain.DeliveryChannel;
import reactor.core.publisher.Mono;

/**
 * Sends a text message through an HTTP SMS gateway: {@code POST {to, text}} with the delivery id as idempotency key.
 * Gateways differ; this adapter speaks the plain JSON form, and a school's gateway is put behind it.
 */
@Component
class SmsSender implements ChannelSender {

    private final WebClient client;
    private final String gatewayUrl;
    private final Duration timeout;

    SmsSender(WebClient client, @Value("${xinfang.notification.sms.gateway-url:}") String gatewayUrl,
              @Value("${xinfang.notification.sms.timeout:PT5S}") Duration timeout) {
        this.client = client;
        this.gatewayUrl = gatewayUrl;
        this.timeout = timeout;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.SMS;
    }

    @Override
    public Mono<Void> send(String idempotencyKey, Recipient to, OutboundMessage message) {
        if (gatewayUrl == null || gatewayUrl.isBlank()) {
            return Mono.error(new IllegalStateException("no SMS gateway configured (xinfang.notification.sms.gateway-url)"));
        }
        return client.post().uri(gatewayUrl)
                .contentType(MediaType.APPLICATION_JSON)
                .header(WebhookSender.IDEMPOTENCY_KEY, idempotencyKey)
                .bodyValue(Map.of("to", to.target(), "text", message.shortText()))
                .retrieve()
                .toBodilessEntity()
                .timeout(timeout)
                .then();
    }
}
