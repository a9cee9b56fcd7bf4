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

    /** Sends all at once (in order, so a petition's events keep theirs) and completes when every send is acked. */
    Mono<Void> publishAll(java.util.List<PetitionRouted> routed) {
        return Mono.defer(() -> {
            java.util.concurrent.CompletableFuture<?>[] sends = routed.stream()
                    .map(r -> kafka.send(Topics.PETITION_ROUTED.name(), Topics.PETITION_ROUTED.keyOf(r), EventJson.write(r)))
                    .toArray(java.util.concurrent.CompletableFuture[]::new);
            return Mono.fromFuture(java.util.concurrent.CompletableFuture.allOf(sends));
        }).then();
    }

    Mono<Void> publish(PetitionRouted routed) {
        return Mono.defer(() -> Mono.fromFuture(kafka.send(Topics.PETITION_ROUTED.name(),
                Topics.PETITION_ROUTED.keyOf(routed), EventJson.write(routed)))).then();
    }
}
