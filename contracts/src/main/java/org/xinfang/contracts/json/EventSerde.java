package org.xinfang.contracts.json;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.xinfang.contracts.event.PipelineEvent;
import org.xinfang.contracts.topic.Topic;

/** Kafka serializer and deserializer for a topic's value type, in the {@link EventJson} form. */
public final class EventSerde {

    private EventSerde() {
    }

    public static <V extends PipelineEvent> Serializer<V> serializer() {
        return (topic, value) -> value == null ? null : EventJson.write(value);
    }

    /** Serializes any registry event; for producers that write to several topics. */
    public static Serializer<PipelineEvent> anyEventSerializer() {
        return serializer();
    }

    public static <V extends PipelineEvent> Deserializer<V> deserializer(Topic<V> topic) {
        return (name, data) -> data == null ? null : EventJson.read(data, topic.valueType());
    }
}
