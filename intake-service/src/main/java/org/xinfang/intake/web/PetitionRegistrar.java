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
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        School school = schools.school(caller.district(), PetitionAccess.school(caller));
        // A repeat of a derived id answers the first petition before a number is drawn, so repeats leave no gaps.
        Mono<StoredPetition> existing = requestHash == null ? Mono.empty()
                : store.findForSchool(caller.district(), school.id(), id);
        return existing.hasElement().flatMap(repeat -> repeat ? replay(id, requestHash, caller)
                : legalTimes.clockOf(caller.district())
                .flatMap(legalClock -> {
                    int year = legalClock.dayOf(now).getYear();
                    return numbers.next(school.district(), school.id(), year).map(sequence -> Petition.register(id,
                            PetitionNumber.of(school, year, sequence), school, registration,
                            PetitionAccess.actor(caller, PetitionAccess.registering()), now, legalClock));
                })
                .flatMap(change -> outbox.register(change, requestHash))
                .doOnNext(stored -> log.info("registered petition {} as {} ({} {}, headcount {})", id,
                        stored.petition().number(),
                        registration.channel(), registration.form(), registration.headcount()))
                .map(stored -> created(stored, caller, false))
                .onErrorResume(DuplicatePetitionException.class, duplicate -> replay(id, requestHash, caller)));
    }

    /** The same id and body again: the petition the first request created, as the first answer gave it. */
    private Mono<ResponseEntity<PetitionView>> replay(String id, String requestHash, Caller caller) {
        return store.findForSchool(caller.district(), PetitionAccess.school(caller), id)
                .switchIfEmpty(Mono.error(IdempotencyConflictException::new))
                .flatMap(stored -> store.requestHashOf(id).defaultIfEmpty("")
                        .map(storedHash -> {
                            if (!storedHash.equals(requestHash)) {
                                throw new IdempotencyConflictException();
                            }
                            return created(stored, caller, true);
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
