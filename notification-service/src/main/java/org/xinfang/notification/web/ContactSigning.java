package org.xinfang.notification.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.xinfang.notification.domain.Contact;
import org.xinfang.notification.domain.WebhookSecret;
import org.xinfang.notification.persistence.WebhookSecretStore;
import reactor.core.publisher.Mono;

/**
 * When a webhook contact gets a secret of its own: when it is registered with a URL, and whenever its URL changes (a
 * new receiver must not share the old one's secret). A contact kept at the same URL keeps its secret, or, registered
 * before secrets were per contact, the service's shared one until it is rotated. A contact without a URL has none.
 */
@Component
class ContactSigning {

    private final WebhookSecretStore secrets;

    ContactSigning(WebhookSecretStore secrets) {
        this.secrets = secrets;
    }

    /** After a save: the new secret, to be shown once, or empty when the contact keeps what it had. */
    Mono<Optional<String>> saved(Contact contact, Optional<Contact> before, Instant at) {
        if (contact.webhookUrl() == null) {
            return secrets.remove(contact.district(), contact.school(), contact.contactId()).thenReturn(Optional.empty());
        }
        boolean sameUrl = before.map(Contact::webhookUrl).filter(contact.webhookUrl()::equals).isPresent();
        return secrets.of(contact.district(), contact.school(), contact.contactId()).map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(kept -> {
                    boolean keeps = sameUrl && kept.map(k -> k.url().equals(contact.webhookUrl())).orElse(true);
                    if (keeps) {
                        return Mono.just(Optional.<String>empty());
                    }
                    WebhookSecret fresh = WebhookSecret.fresh(contact.webhookUrl());
                    return secrets.put(contact.district(), contact.school(), contact.contactId(), fresh, at)
                            .thenReturn(Optional.of(fresh.current()));
                });
    }

    /** A new secret for the contact's URL; the one it replaces keeps signing, next to it, for {@code overlap}. */
    Mono<WebhookSecret> rotate(Contact contact, Duration overlap, Instant at) {
        return secrets.of(contact.district(), contact.school(), contact.contactId()).map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(before -> {
                    WebhookSecret next = WebhookSecret.rotated(before.orElse(null), contact.webhookUrl(), at.plus(overlap));
                    return secrets.put(contact.district(), contact.school(), contact.contactId(), next, at)
                            .thenReturn(next);
                });
    }

    Mono<Void> removed(Contact contact) {
        return secrets.remove(contact.district(), contact.school(), contact.contactId());
    }
}
