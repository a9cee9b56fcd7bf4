package org.xinfang.notification.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.notification.domain.RecipientRole;
import org.xinfang.notification.domain.Silence;
import org.xinfang.notification.persistence.SilenceStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Silences of non-critical alerts, set by a school's administrators or leaders, always with an end time. */
@RestController
@RequestMapping("/api/v1/silences")
class SilenceController {

    private static final Set<String> MAY_SILENCE = Set.of("ADMINISTRATOR", "LEADER", "DEPUTY");
    /** A silence is a pause, not a switch-off: a week at most. */
    private static final Duration LONGEST = Duration.ofDays(7);

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
    Mono<Silence> create(ServerHttpRequest request, @RequestBody(required = false) SilenceBody body) {
        Tenant tenant = Tenant.of(request);
        Actor actor = mayManage(request);
        if (body == null || body.endsAt() == null) {
            throw new InvalidRequestException("endsAt", "is required (ISO-8601 instant)");
        }
        Instant now = clock.instant();
        Instant endsAt;
        try {
            endsAt = Instant.parse(body.endsAt());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("endsAt", "must be an ISO-8601 instant such as 2026-11-28T18:00:00Z");
        }
        if (!endsAt.isAfter(now) || endsAt.isAfter(now.plus(LONGEST))) {
            throw new InvalidRequestException("endsAt", "must be in the future and at most " + LONGEST.toDays() + " days away");
        }
        AlertKind kind = parse(AlertKind.class, body.kind(), "kind");
        RecipientRole role = parse(RecipientRole.class, body.recipientRole(), "recipientRole");
        if (body.comment() != null && body.comment().length() > 500) {
            throw new InvalidRequestException("comment", "at most 500 characters");
        }
        Silence silence = new Silence(UUID.randomUUID().toString(), tenant.district(), tenant.school(), kind, role,
                body.department() == null || body.department().isBlank() ? null : body.department().trim(), endsAt,
                actor.userId(), body.comment());
        return silences.save(silence).thenReturn(silence);
    }

    @GetMapping
    Flux<Silence> active(ServerHttpRequest request) {
        Tenant tenant = Tenant.of(request);
        return silences.activeAt(tenant.district(), tenant.school(), clock.instant());
    }

    /** Ends the silence now. */
    @DeleteMapping("/{silenceId}")
    Mono<Silence> end(ServerHttpRequest request, @PathVariable String silenceId) {
        Tenant tenant = Tenant.of(request);
        mayManage(request);
        return silences.end(tenant.district(), tenant.school(), silenceId, clock.instant())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("no silence " + silenceId)));
    }

    private static Actor mayManage(ServerHttpRequest request) {
        Actor actor = Actor.of(request);
        if (!MAY_SILENCE.contains(actor.role())) {
            throw new ForbiddenException("silences are set by " + MAY_SILENCE);
        }
        return actor;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
