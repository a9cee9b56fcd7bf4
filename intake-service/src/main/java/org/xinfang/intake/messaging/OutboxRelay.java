package org.xinfang.intake.messaging;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.xinfang.intake.config.OutboxSettings;
import org.xinfang.intake.persistence.PetitionStore;
import org.xinfang.intake.persistence.StoredPetition;

/**
 * Recovers events that the publish right after a write did not deliver. It leases a petition whose events are due,
 * sends its unsent entries oldest first, and marks them sent. Leases make two relays (or a relay and a request)
 * never send the same entry at the same time; consumers deduplicate by event id for the one case a lease cannot
 * cover: a send that reached Kafka just before the process died.
 *
 * <p>Looking for due events means a query over the petitions, so the relay does not run it on every tick: it runs
 * at start (a previous process may have died mid-publish), whenever this process failed or deferred a publish, and
 * otherwise every {@code sweep-interval}, which catches what another instance left behind when it died.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration PASS_TIMEOUT = Duration.ofSeconds(60);

    private final PetitionStore store;
    private final PetitionOutbox outbox;
    private final OutboxSettings settings;
    private Instant nextSweep = Instant.MIN;
    private boolean lastPassFailed;

    OutboxRelay(PetitionStore store, PetitionOutbox outbox, OutboxSettings settings) {
        this.store = store;
        this.outbox = outbox;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${xinfang.intake.outbox.relay-interval}",
            initialDelayString = "${xinfang.intake.outbox.relay-interval}")
    void tick() {
        Instant now = outbox.now();
        if (!outbox.takeRecoveryNeeded() && now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(settings.sweepInterval());
        if (!relayDue()) {
            outbox.markRecoveryNeeded();
        }
    }

    /** Publishes what is due; false if something could not be published and should be tried again soon. */
    private boolean relayDue() {
        int petitions = 0;
        boolean complete = true;
        try {
            for (; petitions < settings.relayBatch(); petitions++) {
                StoredPetition due = store.claimDue(outbox.now(), settings.lease()).block(PASS_TIMEOUT);
                if (due == null) {
                    break;
                }
                Boolean drained = outbox.requestDrain(due.petition().id(), due.outbox()).block(PASS_TIMEOUT);
                if (!Boolean.TRUE.equals(drained)) {
                    // Kafka is not taking events: the next tick tries again rather than failing every petition now.
                    complete = false;
                    break;
                }
            }
            if (petitions == settings.relayBatch()) {
                complete = false;
            }
            lastPassFailed = false;
        } catch (RuntimeException e) {
            if (!lastPassFailed) {
                log.warn("outbox relay pass failed, retrying every {}: {}", settings.relayInterval(), e.toString());
            }
            lastPassFailed = true;
            complete = false;
        }
        if (petitions > 0) {
            log.info("outbox relay published the pending events of {} petition(s)", petitions);
        }
        return complete;
    }
}
