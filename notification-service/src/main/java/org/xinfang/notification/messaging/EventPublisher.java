package org.xinfang.notification.messaging;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.event.PipelineEvent;
import org.xinfang.contracts.topic.Topic;
import org.xinfang.kit.messaging.BrokerUnavailableException;

/** Publishes registry events keyed as the registry says (the petition id), and waits for the broker's acknowledgement. */
@Component
public class EventPublisher {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaTemplate<String, Object> kafka;

    EventPublisher(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    /** One event to be published on its topic. */
    public record Outgoing<V extends PipelineEvent>(Topic<V> topic, V event) {
        ProducerRecord<String, Object> record() {
            return new ProducerRecord<>(topic.name(), topic.keyOf(event), event);
        }
    }

    public static <V extends PipelineEvent> Outgoing<V> on(Topic<V> topic, V event) {
        return new Outgoing<>(topic, event);
    }

    /** Sends all, in order per key, and returns once the broker has every one (acks=all). */
    public void publishAll(List<Outgoing<?>> events) {
        CompletableFuture<?>[] sends = events.stream().map(e -> kafka.send(e.record())).toArray(CompletableFuture[]::new);
        await(CompletableFuture.allOf(sends));
    }

    /** Sends without blocking a request thread; completes once the broker has it. */
    public reactor.core.publisher.Mono<Void> send(Outgoing<?> event) {
        return reactor.core.publisher.Mono.fromFuture(() -> kafka.send(event.record())).timeout(SEND_TIMEOUT).then()
                .onErrorMap(e -> new BrokerUnavailableException("the broker did not take " + event.topic().name(), e));
    }


    private static void await(CompletableFuture<?> future) {
        try {
            future.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new BrokerUnavailableException("publish failed", e);
        }
    }
}
