package org.xinfang.intake.messaging;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.xinfang.intake.config.OutboxSettings;
import org.xinfang.intake.persistence.PetitionStore;
import org.xinfang.intake.persistence.StoredPetition;

/**
 * Recovers events that the publish right after a write did not deliver (Kafka down, process killed): it leases a
 * petition whose events are due, sends its unsent entries oldest first, and marks them sent. Leases make two relays
 * (or a relay and a request) never send the same entry at the same time; the consumers' deduplication by event id
 * covers the one case a lease cannot: a send that reached Kafka just before the process died.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration PASS_TIMEOUT = Duration.ofSeconds(60);

    private final PetitionStore store;
    private final PetitionOutbox outbox;
    private final OutboxSettings settings;
    private boolean storeWasDown;

    OutboxRelay(PetitionStore store, PetitionOutbox outbox, OutboxSettings settings) {
        this.store = store;
        this.outbox = outbox;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${xinfang.intake.outbox.relay-interval}", initialDelayString = "${xinfang.intake.outbox.relay-interval}")
    void relay() {
        int petitions = 0;
        int events = 0;
        try {
            for (; petitions < settings.relayBatch(); petitions++) {
                StoredPetition due = store.claimDue(outbox.now(), settings.lease()).block(PASS_TIMEOUT);
                if (due == null) {
                    break;
                }
                Integer sent = outbox.publishInOrder(due.petition().id(), due.unsent()).block(PASS_TIMEOUT);
                events += sent == null ? 0 : sent;
                if (sent == null || sent < due.unsent().size()) {
                    // Kafka is not taking events: the next pass tries again rather than failing every petition now.
                    break;
                }
            }
            storeWasDown = false;
        } catch (RuntimeException e) {
            if (!storeWasDown) {
                log.warn("outbox relay pass failed, retrying every {}: {}", settings.relayInterval(), e.toString());
            }
            storeWasDown = true;
        }
        if (events > 0) {
            log.info("outbox relay published {} event(s) of {} petition(s)", events, petitions);
        }
    }
}
