package org.xinfang.reporting.messaging;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.xinfang.contracts.event.PipelineEvent;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.contracts.topic.Topic;
import org.xinfang.contracts.topic.Topics;

/** The topics reporting folds, and how one of their records is read. */
final class InputTopics {

    static final List<Topic<?>> ALL = List.of(
            Topics.PETITION_RECEIVED, Topics.PETITION_ROUTED, Topics.PETITION_STATUS_CHANGED,
            Topics.ALERT_RAISED, Topics.EMERGENCY_ACTIVATION_REQUESTED, Topics.EMERGENCY_ACTIVATION_DECIDED);

    private static final Map<String, Topic<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Topic::name, Function.identity()));

    private InputTopics() {
    }

    static List<String> names() {
        return ALL.stream().map(Topic::name).toList();
    }

    static Topic<?> of(String name) {
        return BY_NAME.get(name);
    }

    /** The event in a record; throws {@link org.xinfang.contracts.json.EventFormatException} naming the bad field. */
    static PipelineEvent read(ConsumerRecord<String, byte[]> record) {
        return EventJson.read(record.value(), of(record.topic()).valueType());
    }
}
