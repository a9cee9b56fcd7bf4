package org.xinfang.intake.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param lease how long a written entry belongs to the request that wrote it; longer than the producer's
 *              {@code max.block.ms + delivery.timeout.ms}, so the relay never sends an entry still in flight
 * @param relayInterval how soon the relay retries after this process failed or deferred a publish
 * @param sweepInterval how often the relay looks for events left behind by an instance that died
 * @param relayBatch at most this many petitions per relay pass
 */
@ConfigurationProperties("xinfang.intake.outbox")
public record OutboxSettings(Duration lease, Duration relayInterval, Duration sweepInterval, int relayBatch) {
}
