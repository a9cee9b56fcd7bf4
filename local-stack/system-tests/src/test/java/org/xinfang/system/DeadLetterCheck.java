package org.xinfang.system;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.xinfang.contracts.topic.Topics;

/** How many records each dead-letter topic of the suite holds, read from the broker. */
final class DeadLetterCheck {

    private DeadLetterCheck() {
    }

    /** Dead-letter topic → records on it (end offset minus start offset, over its partitions); only the non-empty. */
    static Map<String, Long> letters(String bootstrap) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            List<String> names = Topics.ALL.stream().map(t -> t.deadLetterName()).toList();
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> present = names.stream().filter(existing::contains).toList();
            Map<String, TopicDescription> topics = admin.describeTopics(present).allTopicNames().get(30, TimeUnit.SECONDS);
            List<TopicPartition> partitions = topics.values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .toList();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()))).all()
                    .get(30, TimeUnit.SECONDS);
            Map<String, Long> letters = new TreeMap<>();
            for (TopicPartition p : partitions) {
                long held = ends.get(p).offset() - starts.get(p).offset();
                if (held > 0) {
                    letters.merge(p.topic(), held, Long::sum);
                }
            }
            return letters;
        }
    }
}
