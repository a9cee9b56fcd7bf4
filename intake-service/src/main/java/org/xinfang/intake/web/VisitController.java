package org.xinfang.intake.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.contracts.access.Caller;
import org.xinfang.intake.domain.Actor;
import org.xinfang.intake.domain.FieldError;
import org.xinfang.intake.domain.GateEntry;
import org.xinfang.intake.persistence.LegalTimes;
import org.xinfang.intake.domain.InvalidPetitionException;
import org.xinfang.intake.domain.Registration;
import org.xinfang.intake.persistence.GateRegister;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The duty officer's and gate's register (值班、门卫来人登记) under {@code /api/v1/visits}: log a visit or a call, read
 * one or a day's register, and turn a visit into a petition ({@code POST /api/v1/visits/{id}/petition} with a
 * registration body). The petition's id is derived from the visit's, so turning the same visit twice answers the same
 * petition. Kept by the school's clerk, leader and deputy leader; a visit of another school is not found.
 */
@RestController
@RequestMapping("/api/v1/visits")
class VisitController {

    private static final Set<String> FIELDS = Set.of("kind", "visitorName", "phone", "headcount", "purpose", "arrivedAt");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{2,19}");

    private final GateRegister register;
    private final PetitionRegistrar registrar;
    private final LegalTimes legalTimes;
    private final Clock clock;

    VisitController(GateRegister register, PetitionRegistrar registrar, LegalTimes legalTimes, Clock clock) {
        this.register = register;
        this.registrar = registrar;
        this.legalTimes = legalTimes;
        this.clock = clock;
    }

    record VisitView(String id, GateEntry.Kind kind,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String visitorName,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String phone,
                         int headcount, String purpose, Instant arrivedAt, Instant loggedAt, String loggedBy,
                         String petitionId) {

        static VisitView of(GateEntry e, boolean withIdentity) {
            return new VisitView(e.id(), e.kind(), withIdentity ? e.visitorName() : null,
                    withIdentity ? e.phone() : null, e.headcount(), e.purpose(), e.arrivedAt(), e.loggedAt(),
                    e.loggedBy(), e.petitionId());
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<VisitView>> log(Caller caller, @RequestBody(required = false) byte[] body) {
        PetitionAccess.requireRegistering(caller);
        Actor actor = PetitionAccess.actor(caller, PetitionAccess.registering());
        JsonNode root = JsonBodies.readObject(body);
        List<FieldError> errors = new ArrayList<>();
        FieldReader f = new FieldReader(root, "", errors);
        f.allowOnly(FIELDS);
        GateEntry.Kind kind = f.choice("kind", GateEntry.Kind.class, true, Set.of());
        String name = f.text("visitorName", false, RegistrationReader.MAX_NAME, false);
        String phone = f.matching("phone", PHONE, "must be a phone number of 3-20 digits");
        Integer headcount = root.has("headcount") ? f.integer("headcount", 1, 100_000) : Integer.valueOf(1);
        String purpose = f.text("purpose", true, 500, true);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant arrivedAt = f.instant("arrivedAt");
        if (arrivedAt != null && arrivedAt.isAfter(now.plus(10, ChronoUnit.MINUTES))) {
            errors.add(new FieldError("arrivedAt", "lies in the future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidPetitionException(errors);
        }
        GateEntry entry = new GateEntry(UUID.randomUUID().toString(), caller.district(), PetitionAccess.school(caller), kind, name,
                phone, headcount, purpose, arrivedAt == null ? now : arrivedAt, now, actor.id(), null);
        return register.log(entry).map(logged -> ResponseEntity.status(HttpStatus.CREATED)
                .location(java.net.URI.create("/api/v1/visits/" + logged.id()))
                .body(VisitView.of(logged, PetitionAccess.seesIdentity(caller))));
    }

    /** One day of the register, the district's day as the clerk means it (today unless {@code date} says). */
    @GetMapping
    Mono<List<VisitView>> day(Caller caller, @RequestParam(required = false) String date) {
        PetitionAccess.requireRegistering(caller);
        LocalDate asked;
        try {
            asked = date == null ? null : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new InvalidPetitionException(List.of(new FieldError("date", "must be a date YYYY-MM-DD")));
        }
        return legalTimes.clockOf(caller.district()).map(legalClock -> legalClock.rules().zone()).flatMap(zone -> {
            LocalDate day = asked == null ? LocalDate.now(clock.withZone(zone)) : asked;
            Instant from = day.atStartOfDay(zone).toInstant();
            Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
            return register.between(caller.district(), PetitionAccess.school(caller), from, to)
                    .map(e -> VisitView.of(e, PetitionAccess.seesIdentity(caller)))
                    .collectList();
        });
    }

    @GetMapping("/{id}")
    Mono<VisitView> byId(Caller caller, @PathVariable String id) {
        PetitionAccess.requireRegistering(caller);
        if (!PetitionController.PETITION_ID.matcher(id).matches()) {
            throw NotFound.petition(id);
        }
        return register.find(caller.district(), PetitionAccess.school(caller), id)
                .switchIfEmpty(Mono.error(() -> NotFound.petition(id)))
                .map(e -> VisitView.of(e, PetitionAccess.seesIdentity(caller)));
    }

    @PostMapping(path = "/{id}/petition", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<PetitionView>> toPetition(Caller caller, @PathVariable String id,
                                                  @RequestBody(required = false) byte[] body) {
        PetitionAccess.requireRegistering(caller);
        if (!PetitionController.PETITION_ID.matcher(id).matches()) {
            throw NotFound.petition(id);
        }
        Registration registration = RegistrationReader.read(body);
        String petitionId = UUID.nameUUIDFromBytes(("gate|" + id).getBytes(StandardCharsets.UTF_8)).toString();
        return register.find(caller.district(), PetitionAccess.school(caller), id)
                .switchIfEmpty(Mono.error(() -> NotFound.petition(id)))
                .flatMap(entry -> {
                    if (registration.channel() != entry.kind().channel()) {
                        return Mono.error(new InvalidPetitionException(List.of(new FieldError("channel",
                                "a " + entry.kind() + " entry becomes a " + entry.kind().channel() + " petition"))));
                    }
                    return registrar.register(caller, registration, petitionId, PetitionRegistrar.sha256(body))
                            .flatMap(answer -> register.linkPetition(id, petitionId).thenReturn(answer));
                });
    }
}
