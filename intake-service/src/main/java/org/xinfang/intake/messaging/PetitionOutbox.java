package org.xinfang.intake.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xinfang.intake.config.OutboxSettings;
import org.xinfang.intake.domain.PetitionChange;
import org.xinfang.intake.persistence.OutboxEntry;
import org.xinfang.intake.persistence.PetitionStore;
import org.xinfang.intake.persistence.StoredPetition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes a petition change together with its events in one document, then publishes those events at once. Publishing
 * is not part of the answer: once the write is acknowledged the change is durable, and whatever a failed or
 * interrupted publish leaves behind, {@link OutboxRelay} sends later, in order.
 */
@Component
public class PetitionOutbox {

    private static final Logger log = LoggerFactory.getLogger(PetitionOutbox.class);

    private final PetitionStore store;
    private final EventPublisher publisher;
    private final OutboxSettings settings;
    private final Clock clock;

    PetitionOutbox(PetitionStore store, EventPublisher publisher, OutboxSettings settings, Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.settings = settings;
        this.clock = clock;
    }

    /** Stores a new petition; completes when the write is acknowledged, with publishing already under way. */
    public Mono<StoredPetition> register(PetitionChange change, String requestHash) {
        return store.insert(change, requestHash, now(), settings.lease())
                .doOnNext(stored -> publishFresh(stored, 0));
    }

    /** Stores a change read at {@code before}'s version; empty if the petition changed meanwhile. */
    public Mono<StoredPetition> apply(StoredPetition before, PetitionChange change, String causeEventId) {
        return store.update(before, change, causeEventId, now(), settings.lease())
                .doOnNext(stored -> publishFresh(stored, before.outbox().size()));
    }

    /**
     * Publishes the entries just written, unless an older entry is still unsent: then the relay publishes them all,
     * oldest first, so a petition's events never overtake each other.
     */
    private void publishFresh(StoredPetition stored, int firstNewSeq) {
        List<OutboxEntry> unsent = stored.unsent();
        if (unsent.isEmpty() || unsent.get(0).seq() < firstNewSeq) {
            return;
        }
        publishInOrder(stored.petition().id(), unsent).subscribe();
    }

    /** Sends entries one after the other, marking each sent; stops at the first failure and hands back the lease. */
    Mono<Integer> publishInOrder(String petitionId, List<OutboxEntry> entries) {
        return Flux.fromIterable(entries)
                .concatMap(entry -> publisher.send(entry).then(store.markSent(petitionId, entry.seq(), now())))
                .count()
                .map(Long::intValue)
                .onErrorResume(e -> {
                    log.warn("publishing events of petition {} failed, the relay retries: {}", petitionId, e.toString());
                    return store.releaseLease(petitionId, now().plus(settings.relayInterval()))
                            .onErrorComplete()
                            .thenReturn(0);
                });
    }

    Instant now() {
        return clock.instant();
    }
}
