package org.xinfang.notification.web;

import org.xinfang.kit.outbound.OutboundPolicy;
import org.xinfang.kit.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PostMapping;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.contracts.access.Caller;
import org.xinfang.notification.domain.Actor;
import org.xinfang.notification.domain.Contact;
import org.xinfang.notification.domain.RecipientRole;
import org.xinfang.notification.persistence.ContactStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The district's contacts, kept by its administrators (the school's leaders may read their own school's); every change
 * is audited (who, in which role, when, before and after). {@code ?school=} names a school of the caller's district;
 * without it an administrator works on the district's own contacts (the bureau's duty office and analysts).
 */
@RestController
@RequestMapping("/api/v1/contacts")
class ContactController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final ContactStore contacts;
    private final Clock clock;
    private final OutboundPolicy outbound;
    private final ContactSigning signing;
    private final Duration defaultOverlap;

    ContactController(ContactStore contacts, Clock clock, OutboundPolicy outbound, ContactSigning signing,
                      @Value("${xinfang.notification.webhooks.rotation-overlap:P1D}") Duration defaultOverlap) {
        this.contacts = contacts;
        this.clock = clock;
        this.outbound = outbound;
        this.signing = signing;
        this.defaultOverlap = defaultOverlap;
    }

    /** How long a rotated secret may still sign, next to the new one: a week at most, as long as a receiver needs. */
    private static final Duration LONGEST_OVERLAP = Duration.ofDays(7);

    record ContactBody(String role, String department, String name, String webhookUrl, String email, String phone,
                       Boolean active) {
    }

    record RotationBody(String overlap) {
    }

    /** The new secret, shown once, and until when the one it replaces still signs next to it. */
    record Rotated(String contactId, String school, String signingSecret, Instant previousSignsUntil) {
    }

    /** A leader: the own school's contacts. An administrator: one school's, or the whole district's without {@code school}. */
    @GetMapping
    Flux<Contact> list(Caller caller, @RequestParam(required = false) String school) {
        AccessPolicy.actingRole(caller, AccessPolicy.Family.CONTACTS_READ);
        String of = AccessPolicy.school(caller, school);
        if (of == null && (school == null || school.isBlank())) {
            return contacts.ofDistrict(caller.district());
        }
        return contacts.ofSchool(caller.district(), of);
    }

    @GetMapping("/{contactId}")
    Mono<Contact> one(Caller caller, @PathVariable String contactId, @RequestParam(required = false) String school) {
        AccessPolicy.actingRole(caller, AccessPolicy.Family.CONTACTS_READ);
        return contacts.byId(caller.district(), AccessPolicy.school(caller, school), contactId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("no contact " + contactId)));
    }

    /**
     * Creates or replaces the contact. A webhook contact new, or given a new URL, gets its own signing secret, in this
     * answer only ({@code signingSecret}); the receiver verifies with it.
     */
    @PutMapping("/{contactId}")
    Mono<ContactAnswer> save(Caller caller, @PathVariable String contactId, @RequestParam(required = false) String school,
                       @RequestBody(required = false) ContactBody body) {
        Actor actor = AccessPolicy.actor(caller, AccessPolicy.Family.CONTACTS_CHANGE);
        String of = AccessPolicy.school(caller, school);
        if (!ID.matcher(contactId).matches()) {
            throw ApiProblem.invalid("contactId", "1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (body == null) {
            throw ApiProblem.invalid("body", "is required");
        }
        RecipientRole role;
        try {
            role = body.role() == null ? null : RecipientRole.valueOf(body.role().trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("role", "must be one of " + java.util.Arrays.toString(RecipientRole.values()));
        }
        Contact contact = new Contact(contactId, caller.district(), of, role, blankToNull(body.department()),
                blankToNull(body.name()), blankToNull(body.webhookUrl()), blankToNull(body.email()),
                blankToNull(body.phone()), body.active() == null || body.active());
        String[] problem = contact.problem();
        if (problem != null) {
            throw ApiProblem.invalid(problem[0], problem[1]);
        }
        Mono<Void> reachable = contact.webhookUrl() == null ? Mono.empty()
                : outbound.checkRegistration("webhookUrl", contact.webhookUrl());
        Instant now = clock.instant();
        return reachable.then(contacts.save(contact, actor, now))
                .flatMap(before -> signing.saved(contact, before, now))
                .map(secret -> ContactAnswer.of(contact, secret.orElse(null)));
    }

    /**
     * A new signing secret for a webhook contact, shown once. The one it replaces (for a contact registered before
     * secrets were per contact: the service's shared secret) keeps signing next to it for {@code overlap} (ISO-8601,
     * default a day, at most a week), so the receiver can switch without losing an alert. Audited.
     */
    @PostMapping("/{contactId}/signing-secret")
    Mono<Rotated> rotate(Caller caller, @PathVariable String contactId, @RequestParam(required = false) String school,
                         @RequestBody(required = false) RotationBody body) {
        Actor actor = AccessPolicy.actor(caller, AccessPolicy.Family.CONTACTS_CHANGE);
        String of = AccessPolicy.school(caller, school);
        Duration overlap = overlapOf(body);
        Instant now = clock.instant();
        return contacts.byId(caller.district(), of, contactId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("no contact " + contactId)))
                .flatMap(contact -> {
                    if (contact.webhookUrl() == null) {
                        return Mono.error(ApiProblem.invalid("webhookUrl", "the contact has no webhook to sign for"));
                    }
                    return signing.rotate(contact, overlap, now)
                            .flatMap(next -> contacts.audit(contact, "SIGNING_SECRET_ROTATED", actor, now)
                                    .thenReturn(new Rotated(contactId, of, next.current(),
                                            overlap.isZero() ? null : next.previousUntil())));
                });
    }

    private Duration overlapOf(RotationBody body) {
        if (body == null || body.overlap() == null || body.overlap().isBlank()) {
            return defaultOverlap;
        }
        Duration overlap;
        try {
            overlap = Duration.parse(body.overlap().trim());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("overlap", "an ISO-8601 duration such as PT24H");
        }
        if (overlap.isNegative() || overlap.compareTo(LONGEST_OVERLAP) > 0) {
            throw ApiProblem.invalid("overlap", "from PT0S to " + LONGEST_OVERLAP);
        }
        return overlap;
    }

    @DeleteMapping("/{contactId}")
    Mono<Contact> remove(Caller caller, @PathVariable String contactId, @RequestParam(required = false) String school) {
        Actor actor = AccessPolicy.actor(caller, AccessPolicy.Family.CONTACTS_CHANGE);
        String of = AccessPolicy.school(caller, school);
        return contacts.remove(caller.district(), of, contactId, actor, clock.instant())
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("no contact " + contactId)))
                .flatMap(removed -> signing.removed(removed).thenReturn(removed));
    }

    @GetMapping("/audit")
    Flux<ContactStore.Change> audit(Caller caller, @RequestParam(required = false) String school) {
        AccessPolicy.actingRole(caller, AccessPolicy.Family.CONTACTS_READ);
        return contacts.auditOf(caller.district(), AccessPolicy.school(caller, school));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
