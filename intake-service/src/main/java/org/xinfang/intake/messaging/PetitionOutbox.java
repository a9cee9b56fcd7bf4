package org.xinfang.intake.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.event.PipelineEvent;
import org.xinfang.intake.config.OutboxSettings;
import org.xinfang.intake.domain.Evaluation;
import org.xinfang.intake.domain.PetitionChange;
import org.xinfang.intake.persistence.PublicDoorRecord;
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
    /** Petitions being published by this process, each with a flag asking its drain to look again when done. */
    private final Map<String, AtomicBoolean> drains = new ConcurrentHashMap<>();
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
        return register(change, requestHash, null);
    }

    /** Stores a new petition sent through the public door, with what the door keeps of it, in one write. */
    public Mono<StoredPetition> register(PetitionChange change, String requestHash, PublicDoorRecord door) {
        return store.insert(change, requestHash, door, now(), settings.lease())
                .doOnNext(stored -> publishFresh(stored, change.events()));
    }

    /** Stores the petitioner's evaluation; empty if the petition changed meanwhile or was evaluated already. */
    public Mono<StoredPetition> evaluate(StoredPetition before, PetitionChange change, Evaluation evaluation) {
        return store.evaluate(before, change, evaluation, now(), settings.lease())
                .doOnNext(stored -> publishFresh(stored, change.events()));
    }

    /** Stores a change read at {@code before}'s version; empty if the petition changed meanwhile. */
    public Mono<StoredPetition> apply(StoredPetition before, PetitionChange change, String causeEventId) {
        return store.update(before, change, causeEventId, now(), settings.lease())
                .doOnNext(stored -> publishFresh(stored, change.events()));
    }

    /**
     * Publishes the events just written, unless older ones of the same petition are still unsent and not being
     * published by this process: then the relay publishes them all once the lease runs out, oldest first, so a
     * petition's events never overtake each other.
     */
    private void publishFresh(StoredPetition stored, List<PipelineEvent> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        String petitionId = stored.petition().id();
        if (drains.containsKey(petitionId)) {
            // A drain is running: it publishes these too. Should it end meanwhile, the outbox is read afresh
            // rather than taken from this write's answer, which may list entries that drain has sent since.
            requestDrain(petitionId, null).subscribe();
            return;
        }
        Set<String> freshIds = fresh.stream().map(e -> e.meta().eventId()).collect(Collectors.toSet());
        if (!stored.outbox().stream().allMatch(e -> freshIds.contains(e.eventId()))) {
            recoveryNeeded.set(true);
            return;
        }
        requestDrain(petitionId, stored.outbox()).subscribe();
    }

    /**
     * Publishes a petition's unsent events, at most one drain per petition in this process: a request that finds a
     * drain running only asks it to look again when it is done, so two drains never send the same entry. Completes
     * with true once the outbox is empty (or another drain took over), false after a failure.
     *
     * @param known the unsent entries as just read or written, or null to read them from the store
     */
    Mono<Boolean> requestDrain(String petitionId, List<OutboxEntry> known) {
        boolean[] mine = {false};
        drains.compute(petitionId, (id, again) -> {
            if (again == null) {
                mine[0] = true;
                return new AtomicBoolean(false);
            }
            again.set(true);
            return again;
        });
        if (!mine[0]) {
            return Mono.just(true);
        }
        Set<String> sent = new HashSet<>();
        if (known == null) {
            return store.find(petitionId)
                    .flatMap(current -> publishInOrder(petitionId, current.outbox(), sent))
                    .switchIfEmpty(Mono.fromSupplier(() -> {
                        drains.remove(petitionId);
                        return true;
                    }));
        }
        return publishInOrder(petitionId, known, sent);
    }

    /**
     * Sends entries one after the other, marking each sent, and carries on with entries written meanwhile; before
     * letting go of the petition it looks once more if someone asked it to. On the first failure it hands back the
     * lease and completes with false.
     */
    private Mono<Boolean> publishInOrder(String petitionId, List<OutboxEntry> entries, Set<String> sent) {
        return drain(petitionId, entries, sent)
                .then(Mono.defer(() -> {
                    AtomicBoolean again = drains.computeIfPresent(petitionId, (id, flag) -> flag.getAndSet(false) ? flag : null);
                    if (again == null) {
                        return Mono.just(true);
                    }
                    return store.find(petitionId)
                            .flatMap(current -> publishInOrder(petitionId, current.outbox(), sent))
                            .switchIfEmpty(Mono.fromSupplier(() -> {
                                drains.remove(petitionId);
                                return true;
                            }));
                }))
                .onErrorResume(e -> {
                    drains.remove(petitionId);
                    failed.increment();
                    recoveryNeeded.set(true);
                    log.warn("publishing events of petition {} failed, the relay retries: {}", petitionId, e.toString());
                    return store.releaseLease(petitionId, now().plus(settings.relayInterval()))
                            .onErrorComplete()
                            .thenReturn(false);
                });
    }

    private Mono<Void> drain(String petitionId, List<OutboxEntry> entries, Set<String> sent) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        OutboxEntry oldest = entries.get(0);
        // An entry this drain already sent is only marked again (a read may trail the write that removed it).
        Mono<Void> send = sent.contains(oldest.eventId()) ? Mono.empty()
                : publisher.send(oldest).then(Mono.fromRunnable(() -> {
                    sent.add(oldest.eventId());
                    published.increment();
                }));
        return send.then(store.markSent(petitionId, oldest.eventId()))
                .flatMap(remaining -> drain(petitionId, remaining, sent));
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
