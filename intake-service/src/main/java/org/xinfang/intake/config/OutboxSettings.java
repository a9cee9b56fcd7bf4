package org.xinfang.intake.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param lease how long a written entry belongs to the request that wrote it; longer than the producer's
 *              {@code max.block.ms + delivery.timeout.ms}, so the relay never sends an entry still in flight
 * @param relayInterval how often the relay looks for entries a failed or interrupted publish left behind
 * @param relayBatch at most this many petitions per relay pass
 */
@ConfigurationProperties("xinfang.intake.outbox")
public record OutboxSettings(Duration lease, Duration relayInterval, int relayBatch) {
}
