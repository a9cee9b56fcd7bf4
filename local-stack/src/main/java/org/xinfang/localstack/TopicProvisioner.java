package org.xinfang.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.contracts.topic.Topic;
import org.xinfang.contracts.topic.Topics;

/** Creates every topic of the contracts registry (and its dead-letter topic) on a broker; safe to run again. */
public final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private TopicProvisioner() {
    }

    public static void ensureRegistryTopics(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Duration.ofMinutes(2).toMillis());
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Topics.ALL.stream()
                    .flatMap(t -> List.of(newTopic(t, t.name(), t.compacted()), newTopic(t, t.deadLetterName(), false)).stream())
                    .filter(t -> !existing.contains(t.name()))
                    .toList();
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            log.info("registry topics ready on {} ({} created)", bootstrap, missing.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create the registry topics on " + bootstrap, e.getCause());
        }
    }

    private static NewTopic newTopic(Topic<?> topic, String name, boolean compacted) {
        NewTopic created = new NewTopic(name, topic.partitions(), (short) 1);
        return compacted
                ? created.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
                : created;
    }
}
