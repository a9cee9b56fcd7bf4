package org.xinfang.contracts.json;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import org.xinfang.contracts.event.MissingFieldException;

/**
 * The one JSON form of the events. Readers are tolerant (unknown fields ignored, unknown enum values mapped to the
 * enum's default) so producers can add to a schema version without breaking consumers; missing required fields
 * fail with the field named.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private EventJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JacksonException e) {
            throw new EventFormatException("cannot write " + event.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            throw new EventFormatException(describe(type, e), e);
        }
    }

    private static String describe(Class<?> type, JacksonException e) {
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof MissingFieldException missing) {
                return type.getSimpleName() + ": " + missing.getMessage();
            }
            if (cause instanceof IllegalArgumentException invalid) {
                return type.getSimpleName() + ": " + invalid.getMessage();
            }
            cause = cause.getCause();
        }
        return type.getSimpleName() + " at " + e.getPathReference() + ": " + e.getOriginalMessage();
    }
}
