package org.xinfang.intake.web;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.contracts.access.Caller;
import org.xinfang.intake.domain.Action;
import org.xinfang.intake.domain.ActionRequest;
import org.xinfang.intake.domain.Actor;
import org.xinfang.intake.domain.FieldError;
import org.xinfang.intake.domain.InvalidPetitionException;
import org.xinfang.intake.domain.LifeCycle;
import org.xinfang.intake.messaging.ConcurrentChangeException;
import org.xinfang.intake.messaging.PetitionOutbox;
import org.xinfang.intake.persistence.LegalTimes;
import org.xinfang.intake.persistence.PetitionStore;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

/**
 * The life-cycle steps: {@code POST /api/v1/petitions/{id}/actions/{action}} with an optional body
 * {@code {"reason", "reply", "days"}}; the actor is the token's subject, in the first of its roles the step allows.
 * A department handler acts only on petitions routed to its department; others are not found.
 */
@RestController
class LifeCycleController {

    private static final Logger log = LoggerFactory.getLogger(LifeCycleController.class);
    private static final int MAX_REASON = 2_000;

    private final PetitionStore store;
    private final PetitionOutbox outbox;
    private final LifeCycle lifeCycle;
    private final LegalTimes legalTimes;
    private final Clock clock;

    LifeCycleController(PetitionStore store, PetitionOutbox outbox, LifeCycle lifeCycle, LegalTimes legalTimes,
                        Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.lifeCycle = lifeCycle;
        this.legalTimes = legalTimes;
        this.clock = clock;
    }

    @PostMapping("/api/v1/petitions/{id}/actions/{action}")
    Mono<PetitionView> act(Caller caller, @PathVariable String id, @PathVariable String action,
                           @RequestBody(required = false) byte[] body) {
        PetitionAccess.requirePetitions(caller);
        Action step = Action.fromPathName(action).orElseThrow(() -> new InvalidPetitionException(List.of(
                new FieldError("action", "unknown step; one of " + List.of(Action.values()).stream().map(Action::pathName).toList()))));
        if (!PetitionController.PETITION_ID.matcher(id).matches()) {
            throw NotFound.petition(id);
        }
        ActionRequest request = readRequest(body);
        Actor actor = PetitionAccess.actor(caller, step.roles());
        return Mono.defer(() -> store.findForSchool(caller.district(), PetitionAccess.school(caller), id))
                .filter(stored -> PetitionAccess.reaches(caller, stored.petition()))
                .switchIfEmpty(Mono.error(() -> NotFound.petition(id)))
                .flatMap(before -> legalTimes.clockOf(before.petition().district()).flatMap(legalClock -> {
                    var change = lifeCycle.take(before.petition(), step, request, actor,
                            clock.instant().truncatedTo(ChronoUnit.MILLIS), legalClock);
                    return outbox.apply(before, change, null)
                            .switchIfEmpty(Mono.error(() -> new ConcurrentChangeException(id)));
                }))
                .retryWhen(Retry.backoff(3, Duration.ofMillis(10)).filter(ConcurrentChangeException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .doOnNext(after -> log.info("petition {}: {} by {} → {}", id, step.pathName(), actor,
                        after.petition().state()))
                .map(after -> PetitionView.of(after.petition(), PetitionAccess.seesIdentity(caller), clock.instant()));
    }

    private static ActionRequest readRequest(byte[] body) {
        if (body == null || body.length == 0) {
            return ActionRequest.EMPTY;
        }
        JsonNode root = JsonBodies.readObject(body);
        List<FieldError> errors = new ArrayList<>();
        FieldReader f = new FieldReader(root, "", errors);
        f.allowOnly(Set.of("reason", "reply", "days"));
        String reason = f.text("reason", false, MAX_REASON, true);
        String reply = f.text("reply", false, RegistrationReader.MAX_DESCRIPTION, true);
        Integer days = root.has("days") ? f.integer("days", 1, 366) : null;
        if (!errors.isEmpty()) {
            throw new InvalidPetitionException(errors);
        }
        return new ActionRequest(reason, reply, days);
    }
}
