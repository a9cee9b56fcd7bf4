package org.xinfang.contracts.topic;

import org.xinfang.contracts.event.PipelineEvent;

/**
 * One Kafka topic of the pipeline: its name, what its String key holds, its value type and partition count. Names follow
 * {@code xinfang.<area>.<event>.v<version>}; each topic's dead letters go to {@code xinfang.<area>.<event>.dlt.v<version>}.
 *
 * @param keyedBy what the String key holds (the petition id for petition events, so a petition's events stay in order)
 * @param compacted whether only the latest value per key must be kept (snapshots)
 */
public record Topic<V extends PipelineEvent>(
        String area, String event, int version, Class<V> valueType, KeyedBy keyedBy, int partitions,
        boolean compacted) {

    public enum KeyedBy { PETITION_ID, DISTRICT }

    public Topic {
        if (!area.matches("[a-z][a-z-]*") || !event.matches("[a-z][a-z-]*") || version < 1 || partitions < 1) {
            throw new IllegalArgumentException("malformed topic " + area + "." + event + ".v" + version);
        }
    }

    public String name() {
        return "xinfang." + area + "." + event + ".v" + version;
    }

    public String deadLetterName() {
        return "xinfang." + area + "." + event + ".dlt.v" + version;
    }

    /** The key a producer must use for this event, so ordering holds per petition (or per district). */
    public String keyOf(PipelineEvent value) {
        valueType.cast(value);
        return switch (keyedBy) {
            case PETITION_ID -> value.meta().petitionId();
            case DISTRICT -> value.meta().district();
        };
    }
}
