package org.xinfang.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.topic.Topics;

/** One header schema for every dead letter, and a failed send thrown back so the record is retried, not lost. */
class DeadLettersTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T07:30:00Z"), ZoneOffset.UTC);
    private final ConsumerRecord<String, byte[]> unreadable = new ConsumerRecord<>(Topics.PETITION_ROUTED.name(), 2, 417L,
            "p-1", "{not json".getBytes(StandardCharsets.UTF_8));

    @Test
    void aLetterSaysWhyWhereFromWhenAndWhoSetItAside() {
        List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();
        DeadLetters letters = new DeadLetters("intake-service", letter -> {
            sent.add(letter);
            return CompletableFuture.completedFuture(null);
        }, () -> { }, CLOCK);

        letters.send(Topics.PETITION_ROUTED, unreadable, "PetitionRouted: not JSON");

        ProducerRecord<String, byte[]> letter = sent.get(0);
        assertThat(letter.topic()).isEqualTo(Topics.PETITION_ROUTED.deadLetterName());
        assertThat(letter.key()).isEqualTo("p-1");
        assertThat(letter.value()).isEqualTo(unreadable.value());
        Map<String, String> headers = new HashMap<>();
        letter.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        assertThat(headers).containsExactlyInAnyOrderEntriesOf(Map.of(
                DeadLetters.CAUSE, "PetitionRouted: not JSON",
                DeadLetters.ORIGINAL_TOPIC, Topics.PETITION_ROUTED.name(),
                DeadLetters.ORIGINAL_PARTITION, "2",
                DeadLetters.ORIGINAL_OFFSET, "417",
                DeadLetters.DEAD_LETTERED_AT, "2026-12-03T07:30:00Z",
                DeadLetters.CONSUMER, "intake-service"));
    }

    @Test
    void aLetterTheBrokerDidNotTakeIsThrownBackToTheConsumer() {
        DeadLetters letters = new DeadLetters("routing-service",
                letter -> CompletableFuture.failedFuture(new IllegalStateException("broker away")), () -> { }, CLOCK);
        assertThatThrownBy(() -> letters.send(Topics.PETITION_ROUTED, unreadable, "unreadable"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Topics.PETITION_ROUTED.deadLetterName());
    }

    @Test
    void everyProducerGetsAcksAllAndIdempotenceWhateverItsConfigurationSaid() {
        Map<String, Object> configuration = new HashMap<>(Map.of(
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000));
        ProducerReliability.applyTo(configuration);
        assertThat(configuration).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000)
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    }
}
