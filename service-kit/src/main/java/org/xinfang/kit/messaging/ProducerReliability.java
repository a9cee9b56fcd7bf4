package org.xinfang.kit.messaging;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * What every producer of the suite is held to, whatever its configuration says: {@code acks=all} (every in-sync
 * replica has a record before the send counts) and idempotence (a retried send is never written twice), and bounds on
 * how long a send may block or stay unanswered, so that a broker that is away fails a send instead of holding it.
 */
public final class ProducerReliability {

    /** Set on every producer, overriding any other value. */
    public static final Map<String, Object> REQUIRED = Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);

    /** Set where a service's configuration says nothing. */
    public static final Map<String, Object> DEFAULT_BOUNDS = Map.of(
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
            ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);

    private ProducerReliability() {
    }

    /** {@code configuration} with the bounds where it has none, and the requirements over whatever it has. */
    public static Map<String, Object> applyTo(Map<String, Object> configuration) {
        DEFAULT_BOUNDS.forEach(configuration::putIfAbsent);
        configuration.putAll(REQUIRED);
        return configuration;
    }
}
