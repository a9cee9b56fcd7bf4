package org.xinfang.kit.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.xinfang.contracts.event.PipelineEvent;
import org.xinfang.contracts.json.EventFormatException;
import org.xinfang.contracts.json.EventJson;

/**
 * Reads a record of a petition's topic into its event, or says why it never can: an {@link EventFormatException},
 * whose message goes with the record to its dead-letter topic. A petition's event names its petition (the topics are
 * keyed by it), so one that does not is as unreadable as an empty record or one that is not the event's JSON.
 */
public final class PetitionRecords {

    private PetitionRecords() {
    }

    public static <T extends PipelineEvent> T read(ConsumerRecord<String, byte[]> record, Class<T> type) {
        if (record.value() == null) {
            throw new EventFormatException(type.getSimpleName() + ": empty record", null);
        }
        T event = EventJson.read(record.value(), type);
        if (event.meta().petitionId() == null || event.meta().petitionId().isBlank()) {
            throw new EventFormatException(type.getSimpleName() + ": missing meta.petitionId", null);
        }
        return event;
    }
}
