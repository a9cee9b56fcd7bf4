package org.xinfang.notification.messaging;

import org.xinfang.notification.domain.DeliveryChannel;
import reactor.core.publisher.Mono;

/**
 * One way of reaching a person. Completes when the receiver has accepted the message; errors otherwise. The
 * idempotency key is the delivery's id, the same on every retry, so a receiver can drop repeats.
 */
interface ChannelSender {

    DeliveryChannel channel();

    Mono<Void> send(String idempotencyKey, Recipient to, OutboundMessage message);
}
