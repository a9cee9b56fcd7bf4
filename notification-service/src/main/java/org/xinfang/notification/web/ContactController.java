package org.xinfang.notification.web;

import java.time.Clock;
import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.notification.domain.Contact;
import org.xinfang.notification.domain.RecipientRole;
import org.xinfang.notification.persistence.ContactStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The school's contacts, kept by its administrators; every change is audited (who, when, before and after). */
@RestController
@RequestMapping("/api/v1/contacts")
class ContactController {

    static final String ADMINISTRATOR = "ADMINISTRATOR";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final ContactStore contacts;
    private final Clock clock;

    ContactController(ContactStore contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    record ContactBody(String role, String department, String name, String webhookUrl, String email, String phone,
                       Boolean active) {
    }

    @GetMapping
    Flux<Contact> list(ServerHttpRequest request) {
        Tenant tenant = Tenant.of(request);
        administrator(request);
        return contacts.ofSchool(tenant.district(), tenant.school());
    }

    @PutMapping("/{contactId}")
    Mono<Contact> save(ServerHttpRequest request, @PathVariable String contactId,
                       @RequestBody(required = false) ContactBody body) {
        Tenant tenant = Tenant.of(request);
        Actor actor = administrator(request);
        if (!ID.matcher(contactId).matches()) {
            throw new InvalidRequestException("contactId", "1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (body == null) {
            throw new InvalidRequestException("body", "is required");
        }
        RecipientRole role;
        try {
            role = body.role() == null ? null : RecipientRole.valueOf(body.role().trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("role", "must be one of " + java.util.Arrays.toString(RecipientRole.values()));
        }
        Contact contact = new Contact(contactId, tenant.district(), tenant.school(), role, blankToNull(body.department()),
                blankToNull(body.name()), blankToNull(body.webhookUrl()), blankToNull(body.email()),
                blankToNull(body.phone()), body.active() == null || body.active());
        String[] problem = contact.problem();
        if (problem != null) {
            throw new InvalidRequestException(problem[0], problem[1]);
        }
        return contacts.save(contact, actor.userId(), actor.role(), clock.instant()).thenReturn(contact);
    }

    @DeleteMapping("/{contactId}")
    Mono<Contact> remove(ServerHttpRequest request, @PathVariable String contactId) {
        Tenant tenant = Tenant.of(request);
        Actor actor = administrator(request);
        return contacts.remove(tenant.school(), contactId, actor.userId(), actor.role(), clock.instant())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("no contact " + contactId)));
    }

    @GetMapping("/audit")
    Flux<ContactStore.Change> audit(ServerHttpRequest request) {
        Tenant tenant = Tenant.of(request);
        administrator(request);
        return contacts.auditOf(tenant.school());
    }

    private static Actor administrator(ServerHttpRequest request) {
        Actor actor = Actor.of(request);
        if (!ADMINISTRATOR.equals(actor.role())) {
            throw new ForbiddenException("contacts are kept by the school's administrators");
        }
        return actor;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
