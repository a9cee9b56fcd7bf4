package org.xinfang.intake.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.contracts.access.Caller;
import org.xinfang.intake.domain.Actor;
import org.xinfang.intake.domain.Escalation;
import org.xinfang.intake.domain.EscalationRules;
import org.xinfang.intake.domain.FieldError;
import org.xinfang.intake.domain.InvalidPetitionException;
import org.xinfang.intake.messaging.ConcurrentChangeException;
import org.xinfang.intake.messaging.PetitionOutbox;
import org.xinfang.intake.persistence.PetitionStore;
import org.xinfang.intake.persistence.StoredPetition;
import org.xinfang.kit.web.ApiProblem;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Escalation on the spot (the plan's 四(4)): {@code POST /api/v1/petitions/{id}/escalations} with
 * {@code {riskSignals, headcount, escalated, note}}. The petition, its history entry and its
 * {@code PetitionEscalated} are one write through the petition's outbox, so an acknowledged escalation always reaches
 * routing. Under an {@code Idempotency-Key} a repeat answers the petition as it is and changes nothing; the same key
 * with another body is refused. Answers the petition; its new level follows once routing has decided again.
 */
@RestController
class EscalationController {

    private static final Logger log = LoggerFactory.getLogger(EscalationController.class);
    /** Marks an applied escalation in the petition's applied events: the event id and the body's fingerprint. */
    private static final String MARK = "escalation:";

    private final PetitionStore store;
    private final PetitionOutbox outbox;
    private final Clock clock;

    EscalationController(PetitionStore store, PetitionOutbox outbox, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    @PostMapping("/api/v1/petitions/{id}/escalations")
    Mono<ResponseEntity<PetitionView>> escalate(Caller caller, @PathVariable String id,
                                                @RequestHeader HttpHeaders headers,
                                                @RequestBody(required = false) byte[] body) {
        PetitionAccess.requirePetitions(caller);
        if (!PetitionAccess.wholeSchool(caller)) {
            throw ApiProblem.forbidden("only the school's clerk, leader or deputy leader escalates a petition on the spot");
        }
        if (!PetitionController.PETITION_ID.matcher(id).matches()) {
            throw NotFound.petition(id);
        }
        String key = headers.getFirst("Idempotency-Key");
        if (key != null && !PetitionController.IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new InvalidPetitionException(List.of(new FieldError("Idempotency-Key", "must be 8-128 letters, digits or ._:-")));
        }
        Escalation escalation = EscalationReader.read(body);
        // Keys belong to one petition of one school: the same key elsewhere is another escalation.
        String eventId = key == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("escalation|" + caller.district() + "|" + PetitionAccess.school(caller) + "|"
                + id + "|" + key).getBytes(StandardCharsets.UTF_8)).toString();
        String mark = MARK + eventId + ":" + PetitionRegistrar.sha256(body);
        Actor actor = PetitionAccess.actor(caller, EscalationRules.ROLES);
        return Mono.defer(() -> store.findForSchool(caller.district(), PetitionAccess.school(caller), id))
                .filter(stored -> PetitionAccess.reaches(caller, stored.petition()))
                .switchIfEmpty(Mono.error(() -> NotFound.petition(id)))
                .flatMap(before -> {
                    if (before.appliedEvents().contains(mark)) {
                        return Mono.just(answer(before, caller, true));
                    }
                    if (before.appliedEvents().stream().anyMatch(applied -> applied.startsWith(MARK + eventId + ":"))) {
                        return Mono.error(new IdempotencyConflictException());
                    }
                    var change = before.petition().escalate(escalation, actor,
                            clock.instant().truncatedTo(ChronoUnit.MILLIS), eventId);
                    return outbox.apply(before, change, mark)
                            .switchIfEmpty(Mono.error(() -> new ConcurrentChangeException(id)))
                            .doOnNext(after -> log.info("petition {} escalated by {}: {}", id, actor,
                                    change.appended().get(0).reason()))
                            .map(after -> answer(after, caller, false));
                })
                // A concurrent change (another step, or the same key pressed twice) is read again: the repeat then
                // finds its mark and answers as the first did.
                .retryWhen(Retry.backoff(3, Duration.ofMillis(10)).filter(ConcurrentChangeException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    private ResponseEntity<PetitionView> answer(StoredPetition stored, Caller caller, boolean replayed) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (replayed) {
            ok.header("Idempotent-Replayed", "true");
        }
        return ok.body(PetitionView.of(stored.petition(), PetitionAccess.seesIdentity(caller), clock.instant()));
    }
}
