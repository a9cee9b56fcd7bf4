package org.xinfang.contracts.event;

/** Every event on a topic of the registry: it carries the common envelope. */
public interface PipelineEvent {

    EventMeta meta();
}
