package org.xinfang.intake.web;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.xinfang.contracts.access.Caller;
import org.xinfang.intake.domain.Actor;
import org.xinfang.intake.domain.Petition;
import org.xinfang.intake.domain.PetitionNumber;
import org.xinfang.intake.domain.School;
import org.xinfang.intake.domain.SchoolDirectory;
import org.xinfang.intake.domain.Registration;
import org.xinfang.intake.messaging.PetitionOutbox;
import org.xinfang.intake.persistence.DuplicatePetitionException;
import org.xinfang.intake.persistence.LegalTimes;
import org.xinfang.intake.persistence.PetitionNumbers;
import org.xinfang.intake.persistence.PetitionStore;
import org.xinfang.intake.persistence.PublicDoorRecord;
import org.xinfang.intake.persistence.StoredPetition;
import reactor.core.publisher.Mono;

/**
 * Registers a petition under a given id: a fresh one, or one derived from an idempotency key or a gate entry, in
 * which case a repeat with the same body answers the petition already made and another body is refused.
 */
@Component
class PetitionRegistrar {

    private static final Logger log = LoggerFactory.getLogger(PetitionRegistrar.class);

    private final PetitionOutbox outbox;
    private final PetitionStore store;
    private final LegalTimes legalTimes;
    private final SchoolDirectory schools;
    private final PetitionNumbers numbers;
    private final Clock clock;

    PetitionRegistrar(PetitionOutbox outbox, PetitionStore store, LegalTimes legalTimes, SchoolDirectory schools,
                      PetitionNumbers numbers, Clock clock) {
        this.outbox = outbox;
        this.store = store;
        this.legalTimes = legalTimes;
        this.schools = schools;
        this.numbers = numbers;
        this.clock = clock;
    }

    /** @param requestHash the body's fingerprint when the id is derived (a repeat is possible), else null */
    Mono<ResponseEntity<PetitionView>> register(Caller caller, Registration registration, String id,
                                                String requestHash) {
        School school = schools.school(caller.district(), PetitionAccess.school(caller));
        return register(school, PetitionAccess.actor(caller, PetitionAccess.registering()), registration, id,
                requestHash, null)
                .map(outcome -> created(outcome.stored(), caller, outcome.replayed()));
    }

    /** A petition stored, or the one a repeat of the same request stored before. */
    record Registered(StoredPetition stored, boolean replayed) {
    }

    /**
     * Registers a petition in {@code school} by {@code actor}, whoever that is: the school's clerk, or the petitioner
     * through the public door (then {@code door} holds the query code's hash, written in the same document).
     */
    Mono<Registered> register(School school, Actor actor, Registration registration, String id, String requestHash,
                              PublicDoorRecord door) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // A repeat of a derived id answers the first petition before a number is drawn, so repeats leave no gaps.
        Mono<StoredPetition> existing = requestHash == null ? Mono.empty()
                : store.findForSchool(school.district(), school.id(), id);
        return existing.hasElement().flatMap(repeat -> repeat ? replay(school, id, requestHash)
                : legalTimes.clockOf(school.district())
                .flatMap(legalClock -> {
                    int year = legalClock.dayOf(now).getYear();
                    return numbers.next(school.district(), school.id(), year).map(sequence -> Petition.register(id,
                            PetitionNumber.of(school, year, sequence), school, registration, actor, now, legalClock));
                })
                .flatMap(change -> outbox.register(change, requestHash, door))
                .doOnNext(stored -> log.info("registered petition {} as {} ({} {}, headcount {})", id,
                        stored.petition().number(),
                        registration.channel(), registration.form(), registration.headcount()))
                .map(stored -> new Registered(stored, false))
                .onErrorResume(DuplicatePetitionException.class, duplicate -> replay(school, id, requestHash)));
    }

    /** The same id and body again: the petition the first request created, as the first answer gave it. */
    private Mono<Registered> replay(School school, String id, String requestHash) {
        return store.findForSchool(school.district(), school.id(), id)
                .switchIfEmpty(Mono.error(IdempotencyConflictException::new))
                .flatMap(stored -> store.requestHashOf(id).defaultIfEmpty("")
                        .map(storedHash -> {
                            if (!storedHash.equals(requestHash)) {
                                throw new IdempotencyConflictException();
                            }
                            return new Registered(stored, true);
                        }));
    }

    private ResponseEntity<PetitionView> created(StoredPetition stored, Caller caller, boolean replayed) {
        Petition p = stored.petition();
        ResponseEntity.BodyBuilder answer = ResponseEntity.created(URI.create("/api/v1/petitions/" + p.id()));
        if (replayed) {
            answer.header("Idempotent-Replayed", "true");
        }
        return answer.body(PetitionView.of(p, PetitionAccess.seesIdentity(caller), clock.instant()));
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
