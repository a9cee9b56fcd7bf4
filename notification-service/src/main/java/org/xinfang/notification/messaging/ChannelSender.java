package org.xinfang.notification.messaging;

import org.xinfang.notification.domain.Alert;
import org.xinfang.notification.domain.Channel;
import org.xinfang.notification.domain.Delivery;
import reactor.core.publisher.Mono;

/** One way of reaching a person. Completes when the receiver has accepted the message; errors otherwise. */
interface ChannelSender {

    Channel channel();

    Mono<Void> send(Delivery delivery, Alert alert);
}
