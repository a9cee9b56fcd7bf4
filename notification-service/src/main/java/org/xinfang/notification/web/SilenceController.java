package org.xinfang.notification.web;

import org.xinfang.kit.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.contracts.access.Caller;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.notification.domain.Actor;
import org.xinfang.notification.domain.RecipientRole;
import org.xinfang.notification.domain.Silence;
import org.xinfang.notification.persistence.SilenceStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Silences of non-critical alerts, set by a school's leaders or the district's administrators, always with an end time. */
@RestController
@RequestMapping("/api/v1/silences")
class SilenceController {

    /** A silence is a pause, not a switch-off: a week at most. */
    private static final Duration LONGEST = Duration.ofDays(7);
    private static final Duration HISTORY = Duration.ofDays(30);

    private final SilenceStore silences;
    private final Clock clock;

    SilenceController(SilenceStore silences, Clock clock) {
        this.silences = silences;
        this.clock = clock;
    }

    record SilenceBody(String kind, String recipientRole, String department, String endsAt, String comment) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Silence> create(Caller caller, @RequestParam(required = false) String school,
                         @RequestBody(required = false) SilenceBody body) {
        Actor actor = AccessPolicy.actor(caller, AccessPolicy.Family.SILENCES);
        String of = schoolOf(caller, school);
        if (body == null || body.endsAt() == null) {
            throw ApiProblem.invalid("endsAt", "is required (ISO-8601 instant)");
        }
        Instant now = clock.instant();
        Instant endsAt;
        try {
            endsAt = Instant.parse(body.endsAt());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("endsAt", "must be an ISO-8601 instant such as 2026-11-28T18:00:00Z");
        }
        if (!endsAt.isAfter(now) || endsAt.isAfter(now.plus(LONGEST))) {
            throw ApiProblem.invalid("endsAt", "must be in the future and at most " + LONGEST.toDays() + " days away");
        }
        AlertKind kind = parse(AlertKind.class, body.kind(), "kind");
        RecipientRole role = parse(RecipientRole.class, body.recipientRole(), "recipientRole");
        if (role != null && Silence.OVERSIGHT.contains(role)) {
            throw ApiProblem.invalid("recipientRole", "a school may not silence what goes to those who oversee it ("
                    + role + ")");
        }
        if (kind != null && Silence.OVERSEEN.contains(kind)) {
            throw ApiProblem.invalid("kind", "a school may not silence the report to the bureau or a lapsed legal limit ("
                    + kind + ")");
        }
        if (body.comment() != null && body.comment().length() > 500) {
            throw ApiProblem.invalid("comment", "at most 500 characters");
        }
        if (body.department() != null && body.department().length() > 64) {
            throw ApiProblem.invalid("department", "at most 64 characters");
        }
        Silence silence = new Silence(UUID.randomUUID().toString(), caller.district(), of, kind, role,
                body.department() == null || body.department().isBlank() ? null : body.department().trim(), endsAt,
                actor.subject(), body.comment(), actor.role(), now, null, null, null);
        return silences.save(silence).thenReturn(silence);
    }

    @GetMapping
    Flux<Silence> active(Caller caller, @RequestParam(required = false) String school) {
        AccessPolicy.actingRole(caller, AccessPolicy.Family.SILENCES);
        return silences.activeAt(caller.district(), schoolOf(caller, school), clock.instant());
    }

    /**
     * Every silence of the last 30 days with who set and who ended it: the bureau's duty office sees every school of
     * its district (a school's quiet is the bureau's business), a school's leaders their own.
     */
    @GetMapping("/history")
    Flux<Silence> history(Caller caller, @RequestParam(required = false) String school) {
        AccessPolicy.actingRole(caller, AccessPolicy.Family.SILENCES_READ);
        // District roles without a school read the whole district; a school's leaders always their own school.
        String of = caller.isDistrictWide() && (school == null || school.isBlank()) ? null : schoolOf(caller, school);
        return silences.history(caller.district(), of, clock.instant().minus(HISTORY), 500);
    }

    /** Ends the silence now; who ended it is recorded next to the end it was set with. */
    @DeleteMapping("/{silenceId}")
    Mono<Silence> end(Caller caller, @PathVariable String silenceId, @RequestParam(required = false) String school) {
        Actor actor = AccessPolicy.actor(caller, AccessPolicy.Family.SILENCES);
        return silences.end(caller.district(), schoolOf(caller, school), silenceId, actor, clock.instant())
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("no active silence " + silenceId)));
    }

    /** Silences are a school's: an administrator names the school of its district, a leader means its own. */
    private static String schoolOf(Caller caller, String requested) {
        String of = AccessPolicy.school(caller, requested);
        if (of == null) {
            throw ApiProblem.invalid("school", "is required: silences belong to one school");
        }
        return of;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
