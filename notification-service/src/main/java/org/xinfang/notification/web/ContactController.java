package org.xinfang.notification.web;

import org.xinfang.kit.outbound.OutboundPolicy;
import org.xinfang.kit.web.ApiProblem;
import java.time.Clock;
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

    ContactController(ContactStore contacts, Clock clock, OutboundPolicy outbound) {
        this.contacts = contacts;
        this.clock = clock;
        this.outbound = outbound;
    }

    record ContactBody(String role, String department, String name, String webhookUrl, String email, String phone,
                       Boolean active) {
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

    @PutMapping("/{contactId}")
    Mono<Contact> save(Caller caller, @PathVariable String contactId, @RequestParam(required = false) String school,
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
        return reachable.then(contacts.save(contact, actor, clock.instant())).thenReturn(contact);
    }

    @DeleteMapping("/{contactId}")
    Mono<Contact> remove(Caller caller, @PathVariable String contactId, @RequestParam(required = false) String school) {
        Actor actor = AccessPolicy.actor(caller, AccessPolicy.Family.CONTACTS_CHANGE);
        String of = AccessPolicy.school(caller, school);
        return contacts.remove(caller.district(), of, contactId, actor, clock.instant())
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("no contact " + contactId)));
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
