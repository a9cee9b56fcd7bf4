package org.xinfang.notification.messaging;

import org.apache.kafka.common.serialization.Serializer;
import org.xinfang.contracts.event.PipelineEvent;
import org.xinfang.contracts.json.EventJson;

/**
 * One producer writes both the registry's events (as their JSON form) and dead letters (the undecodable bytes as they
 * arrived), so the service needs one idempotent producer, not two.
 */
public class OutboundSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object value) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        if (value instanceof PipelineEvent event) {
            return EventJson.write(event);
        }
        throw new IllegalArgumentException("not an event of the registry: " + value.getClass().getName());
    }
}
