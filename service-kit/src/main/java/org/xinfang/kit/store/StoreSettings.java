package org.xinfang.kit.store;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a service keeps its data and how long it waits for the store, the same bounds in every service:
 * {@code MONGO_URI}, {@code MONGO_DATABASE}, and {@code MONGO_READ_TIMEOUT} for a store that accepts a connection and
 * stops answering. Server selection and connecting are bounded too, so that a store that is away fails a request with
 * 503 (and a consumer's record with a retry) within seconds instead of the driver's 30 s.
 */
@ConfigurationProperties("xinfang.mongo")
public record StoreSettings(
        String uri,
        String database,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("3s") Duration serverSelectionTimeout,
        @DefaultValue("2s") Duration connectTimeout) {
}
