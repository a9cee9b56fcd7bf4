package org.xinfang.intake.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.contracts.access.Caller;
import org.xinfang.intake.domain.FieldError;
import org.xinfang.intake.domain.InvalidPetitionException;
import org.xinfang.intake.domain.Registration;
import org.xinfang.intake.persistence.PetitionStore;
import reactor.core.publisher.Mono;

/** Registering a petition and reading it back, within the caller's school (the token's tenancy). */
@RestController
@RequestMapping("/api/v1/petitions")
class PetitionController {

    static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    static final Pattern PETITION_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final PetitionRegistrar registrar;
    private final PetitionStore store;
    private final Clock clock;

    PetitionController(PetitionRegistrar registrar, PetitionStore store, Clock clock) {
        this.registrar = registrar;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Answers 201 once the petition and its pending {@code PetitionReceived} are durable in one document; publishing
     * starts right after and does not delay the answer.
     */
    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    Mono<ResponseEntity<PetitionView>> register(Caller caller, @RequestHeader HttpHeaders headers,
                                                @RequestBody(required = false) byte[] body) {
        PetitionAccess.requireRegistering(caller);
        String key = headers.getFirst("Idempotency-Key");
        if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new InvalidPetitionException(List.of(new FieldError("Idempotency-Key", "must be 8-128 letters, digits or ._:-")));
        }
        Registration registration = RegistrationReader.read(body);
        if (key == null) {
            return registrar.register(caller, registration, UUID.randomUUID().toString(), null);
        }
        // Keys belong to one school: the same key in another school makes another petition.
        String id = UUID.nameUUIDFromBytes(("petition|" + caller.district() + "|" + PetitionAccess.school(caller) + "|"
                + key).getBytes(StandardCharsets.UTF_8)).toString();
        return registrar.register(caller, registration, id, PetitionRegistrar.sha256(body));
    }

    @GetMapping("/{id}")
    Mono<PetitionView> byId(Caller caller, @PathVariable String id) {
        PetitionAccess.requirePetitions(caller);
        if (!PETITION_ID.matcher(id).matches()) {
            return Mono.error(NotFound.petition(id));
        }
        return store.findForSchool(caller.district(), PetitionAccess.school(caller), id)
                .filter(stored -> PetitionAccess.reaches(caller, stored.petition()))
                .switchIfEmpty(Mono.error(() -> NotFound.petition(id)))
                .map(stored -> PetitionView.of(stored.petition(), PetitionAccess.seesIdentity(caller), clock.instant()));
    }
}
