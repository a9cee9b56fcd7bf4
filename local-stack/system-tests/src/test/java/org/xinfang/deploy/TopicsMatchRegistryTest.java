package org.xinfang.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xinfang.contracts.topic.Topic;
import org.xinfang.contracts.topic.Topics;

/**
 * The Kafka topics each overlay creates are exactly the contracts registry's: every topic and its dead-letter topic,
 * no more, with the registry's partition counts and compaction; and their durability fits the overlay's brokers
 * (production: replication factor 3 and min.insync.replicas 2; dev: 1 and 1).
 */
class TopicsMatchRegistryTest {

    /** The durability each overlay promises: replicas and min.insync.replicas of every topic. */
    private static final Map<String, int[]> DURABILITY = Map.of("prod", new int[] {3, 2}, "dev", new int[] {1, 1});

    @TestFactory
    Stream<DynamicContainer> topicsAreTheRegistrysTopics() {
        return RenderedOverlay.all().map(overlay -> DynamicContainer.dynamicContainer(overlay.name(), Stream.of(
                DynamicTest.dynamicTest("names are exactly Topics.allNames()", () ->
                        assertThat(topics(overlay).stream().map(TopicsMatchRegistryTest::topicName).toList())
                                .containsExactlyInAnyOrderElementsOf(Topics.allNames())
                                .doesNotHaveDuplicates()),
                DynamicTest.dynamicTest("partitions and compaction follow the registry", () -> {
                    Map<String, KafkaTopic> byName = topics(overlay).stream()
                            .collect(Collectors.toMap(TopicsMatchRegistryTest::topicName, Function.identity()));
                    for (Topic<?> topic : Topics.ALL) {
                        KafkaTopic main = byName.get(topic.name());
                        KafkaTopic deadLetters = byName.get(topic.deadLetterName());
                        assertThat(main.getSpec().getPartitions()).as(topic.name()).isEqualTo(topic.partitions());
                        // A dead letter keeps its record's partition number, so the dead-letter topic needs as many.
                        assertThat(deadLetters.getSpec().getPartitions()).as(topic.deadLetterName())
                                .isEqualTo(topic.partitions());
                        assertThat(cleanupPolicy(main)).as(topic.name())
                                .isEqualTo(topic.compacted() ? "compact" : "delete");
                        // Dead letters are evidence to inspect and replay: never compacted away.
                        assertThat(cleanupPolicy(deadLetters)).as(topic.deadLetterName()).isEqualTo("delete");
                    }
                }),
                DynamicTest.dynamicTest("durability fits the brokers", () -> checkDurability(overlay)))));
    }

    private static void checkDurability(RenderedOverlay overlay) {
        int[] expected = DURABILITY.get(overlay.name());
        assertThat(expected).as("durability promised for overlay " + overlay.name()).isNotNull();
        List<Kafka> clusters = overlay.ofKind("Kafka").stream().map(StrictModel.reader(Kafka.class)).toList();
        assertThat(clusters).hasSize(1);
        Kafka kafka = clusters.get(0);
        String cluster = kafka.getMetadata().getName();
        List<KafkaNodePool> pools = overlay.ofKind("KafkaNodePool").stream().map(StrictModel.reader(KafkaNodePool.class))
                .toList();
        assertThat(pools).allSatisfy(pool -> assertThat(pool.getMetadata().getLabels())
                .containsEntry("strimzi.io/cluster", cluster));
        int brokers = pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
        int controllers = pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.CONTROLLER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
        assertThat(controllers % 2).as("an odd number of KRaft controllers keeps a quorum").isEqualTo(1);
        assertThat(brokers).as("brokers to hold every replica").isGreaterThanOrEqualTo(expected[0]);

        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        assertThat(config).containsEntry("auto.create.topics.enable", false)
                .containsEntry("default.replication.factor", expected[0])
                .containsEntry("min.insync.replicas", expected[1])
                .containsEntry("offsets.topic.replication.factor", expected[0]);
        for (KafkaTopic topic : topics(overlay)) {
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster);
            assertThat(topic.getSpec().getReplicas()).as(topicName(topic)).isEqualTo(expected[0]);
            assertThat(topic.getSpec().getConfig()).as(topicName(topic))
                    .containsEntry("min.insync.replicas", expected[1]);
        }
        if (expected[0] > 1) {
            assertThat(expected[1]).as("acks=all survives one broker down").isLessThan(expected[0]).isGreaterThan(1);
        }
    }

    private static List<KafkaTopic> topics(RenderedOverlay overlay) {
        return overlay.ofKind("KafkaTopic").stream().map(StrictModel.reader(KafkaTopic.class)).toList();
    }

    private static String topicName(KafkaTopic topic) {
        return Optional.ofNullable(topic.getSpec().getTopicName()).orElse(topic.getMetadata().getName());
    }

    private static String cleanupPolicy(KafkaTopic topic) {
        return String.valueOf(topic.getSpec().getConfig().getOrDefault("cleanup.policy", "delete"));
    }
}
