package org.xinfang.intake.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.xinfang.intake.domain.FieldError;
import org.xinfang.intake.domain.InvalidPetitionException;
import org.xinfang.intake.domain.Petition;
import org.xinfang.intake.domain.PetitionChange;
import org.xinfang.intake.domain.Registration;
import org.xinfang.intake.messaging.PetitionOutbox;
import org.xinfang.intake.persistence.DuplicatePetitionException;
import org.xinfang.intake.persistence.PetitionStore;
import org.xinfang.intake.persistence.StoredPetition;
import reactor.core.publisher.Mono;

/** Registering a petition and reading it back, for one school (the tenancy headers). */
@RestController
@RequestMapping("/api/v1/petitions")
class PetitionController {

    private static final Logger log = LoggerFactory.getLogger(PetitionController.class);
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    static final Pattern PETITION_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final PetitionOutbox outbox;
    private final PetitionStore store;
    private final Clock clock;

    PetitionController(PetitionOutbox outbox, PetitionStore store, Clock clock) {
        this.outbox = outbox;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Answers 201 once the petition and its pending {@code PetitionReceived} are durable in one document; publishing
     * starts right after and does not delay the answer.
     */
    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    Mono<ResponseEntity<PetitionView>> register(@RequestHeader HttpHeaders headers,
                                                @RequestBody(required = false) byte[] body) {
        RequestContext context = RequestContext.of(headers);
        String key = headers.getFirst("Idempotency-Key");
        if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new InvalidPetitionException(List.of(new FieldError("Idempotency-Key", "must be 8-128 letters, digits or ._:-")));
        }
        Registration registration = RegistrationReader.read(body);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String id = key == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("petition|" + context.district() + "|" + context.school() + "|" + key)
                        .getBytes(StandardCharsets.UTF_8)).toString();
        String requestHash = key == null ? null : sha256(body);
        PetitionChange change = Petition.register(id, context.district(), context.school(), registration,
                context.registrant(), now);
        return outbox.register(change, requestHash)
                .doOnNext(stored -> log.info("registered petition {} ({} {}, headcount {})", id,
                        registration.channel(), registration.form(), registration.headcount()))
                .map(stored -> created(stored, context, false))
                .onErrorResume(DuplicatePetitionException.class, duplicate -> replay(id, requestHash, context));
    }

    @GetMapping("/{id}")
    Mono<PetitionView> byId(@RequestHeader HttpHeaders headers, @PathVariable String id) {
        RequestContext context = RequestContext.of(headers);
        if (!PETITION_ID.matcher(id).matches()) {
            return Mono.error(new PetitionNotFoundException(id));
        }
        return store.findForSchool(context.district(), context.school(), id)
                .switchIfEmpty(Mono.error(() -> new PetitionNotFoundException(id)))
                .map(stored -> PetitionView.of(stored.petition(), context.seesIdentity(), clock.instant()));
    }

    /** The same key and body again: the petition the first request created, as the first answer gave it. */
    private Mono<ResponseEntity<PetitionView>> replay(String id, String requestHash, RequestContext context) {
        return store.findForSchool(context.district(), context.school(), id)
                .switchIfEmpty(Mono.error(IdempotencyConflictException::new))
                .flatMap(stored -> store.requestHashOf(id).defaultIfEmpty("")
                        .map(storedHash -> {
                            if (!storedHash.equals(requestHash)) {
                                throw new IdempotencyConflictException();
                            }
                            return created(stored, context, true);
                        }));
    }

    private ResponseEntity<PetitionView> created(StoredPetition stored, RequestContext context, boolean replayed) {
        Petition p = stored.petition();
        ResponseEntity.BodyBuilder answer = ResponseEntity.created(URI.create("/api/v1/petitions/" + p.id()));
        if (replayed) {
            answer.header("Idempotent-Replayed", "true");
        }
        return answer.body(PetitionView.of(p, context.seesIdentity(), clock.instant()));
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
