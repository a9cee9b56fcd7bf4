package org.xinfang.intake.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.event.PipelineEvent;
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
    /** Set when this process left events behind, so the relay looks at once instead of at its next sweep. */
    private final AtomicBoolean recoveryNeeded = new AtomicBoolean();
    private final Counter published;
    private final Counter failed;

    PetitionOutbox(PetitionStore store, EventPublisher publisher, OutboxSettings settings, Clock clock,
                   MeterRegistry meters) {
        this.store = store;
        this.publisher = publisher;
        this.settings = settings;
        this.clock = clock;
        this.published = Counter.builder("intake.outbox.published").description("events published from the outbox")
                .register(meters);
        this.failed = Counter.builder("intake.outbox.publish.failures")
                .description("publishes that failed and were left to the relay").register(meters);
    }

    /** Stores a new petition; completes when the write is acknowledged, with publishing already under way. */
    public Mono<StoredPetition> register(PetitionChange change, String requestHash) {
        return store.insert(change, requestHash, now(), settings.lease())
                .doOnNext(stored -> publishFresh(stored, change.events()));
    }

    /** Stores a change read at {@code before}'s version; empty if the petition changed meanwhile. */
    public Mono<StoredPetition> apply(StoredPetition before, PetitionChange change, String causeEventId) {
        return store.update(before, change, causeEventId, now(), settings.lease())
                .doOnNext(stored -> publishFresh(stored, change.events()));
    }

    /**
     * Publishes the events just written, unless older ones of the same petition are still unsent: then the relay
     * publishes them all, oldest first, so a petition's events never overtake each other.
     */
    private void publishFresh(StoredPetition stored, List<PipelineEvent> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        Set<String> freshIds = fresh.stream().map(e -> e.meta().eventId()).collect(Collectors.toSet());
        if (!stored.outbox().stream().allMatch(e -> freshIds.contains(e.eventId()))) {
            recoveryNeeded.set(true);
            return;
        }
        publishInOrder(stored.petition().id(), stored.outbox()).subscribe();
    }

    /**
     * Sends entries one after the other, marking each sent, and carries on with entries written meanwhile (a write
     * that found this publish still running left its events to it). Completes with true once the outbox is empty;
     * on the first failure it hands back the lease and completes with false.
     */
    Mono<Boolean> publishInOrder(String petitionId, List<OutboxEntry> entries) {
        return drain(petitionId, entries)
                .onErrorResume(e -> {
                    failed.increment();
                    recoveryNeeded.set(true);
                    log.warn("publishing events of petition {} failed, the relay retries: {}", petitionId, e.toString());
                    return store.releaseLease(petitionId, now().plus(settings.relayInterval()))
                            .onErrorComplete()
                            .thenReturn(false);
                });
    }

    private Mono<Boolean> drain(String petitionId, List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return Mono.just(true);
        }
        OutboxEntry oldest = entries.get(0);
        return publisher.send(oldest)
                .then(Mono.fromRunnable(published::increment))
                .then(store.markSent(petitionId, oldest.eventId()))
                .flatMap(remaining -> drain(petitionId, remaining));
    }

    /** Whether a publish failed or was deferred since the last call; clears the mark. */
    boolean takeRecoveryNeeded() {
        return recoveryNeeded.getAndSet(false);
    }

    void markRecoveryNeeded() {
        recoveryNeeded.set(true);
    }

    Instant now() {
        return clock.instant();
    }
}
