package org.xinfang.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The envelope every event carries. {@code eventId} is what consumers deduplicate on; {@code petitionId} is the
 * Kafka key for petition events, so one petition's history stays in one partition and in order.
 */
public record EventMeta(
        String eventId,
        String type,
        Integer schemaVersion,
        Instant occurredAt,
        String district,
        @OptionalField String school,
        @OptionalField String petitionId) {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    public EventMeta {
        Required.text(eventId, "meta.eventId");
        Required.text(type, "meta.type");
        Required.present(schemaVersion, "meta.schemaVersion");
        Required.present(occurredAt, "meta.occurredAt");
        Required.text(district, "meta.district");
    }

    /** A fresh envelope for an event about one petition. */
    public static EventMeta forPetition(Class<?> type, String district, String school, String petitionId, Instant at) {
        return new EventMeta(UUID.randomUUID().toString(), type.getSimpleName(), CURRENT_SCHEMA_VERSION, at,
                district, school, Required.text(petitionId, "meta.petitionId"));
    }

    /** A fresh envelope for a district-wide event, such as a report update. */
    public static EventMeta forDistrict(Class<?> type, String district, Instant at) {
        return new EventMeta(UUID.randomUUID().toString(), type.getSimpleName(), CURRENT_SCHEMA_VERSION, at,
                district, null, null);
    }

    /** An envelope whose id is derived from its cause, so a redelivered cause yields the same event id. */
    public static EventMeta derivedFrom(EventMeta cause, Class<?> type, String discriminator, Instant at) {
        String id = UUID.nameUUIDFromBytes((cause.eventId() + "|" + type.getSimpleName() + "|" + discriminator)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        return new EventMeta(id, type.getSimpleName(), CURRENT_SCHEMA_VERSION, at,
                cause.district(), cause.school(), cause.petitionId());
    }
}
