package org.xinfang.routing.messaging;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.contracts.topic.Topics;
import reactor.core.publisher.Mono;

/** Publishes routed events, keyed by petition id so a petition's events stay in order; completes on the broker's ack. */
@Component
class RoutedPublisher {

    private final KafkaTemplate<String, byte[]> kafka;

    RoutedPublisher(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    Mono<Void> publish(PetitionRouted routed) {
        return Mono.defer(() -> Mono.fromFuture(kafka.send(Topics.PETITION_ROUTED.name(),
                Topics.PETITION_ROUTED.keyOf(routed), EventJson.write(routed)))).then();
    }
}
