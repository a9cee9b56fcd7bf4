package org.xinfang.notification.persistence;

import static org.xinfang.notification.persistence.Documents.date;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Instant;
import java.util.Comparator;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import org.xinfang.notification.domain.WebhookSecret;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The webhook contacts' signing secrets, part of the contact store but kept apart from the contacts: a contact's
 * listing, its audit and its history never hold one. Keyed like the contact it belongs to.
 */
@Repository
public class WebhookSecretStore {

    private final MongoCollection<Document> secrets;

    WebhookSecretStore(MongoDatabase database) {
        this.secrets = database.getCollection("contact_secrets");
    }

    /** The contact's own secret; empty for a contact signed with the service's shared secret. */
    public Mono<WebhookSecret> of(String district, String school, String contactId) {
        return Mono.from(secrets.find(Filters.eq("_id", ContactStore.key(district, school, contactId))).first())
                .map(WebhookSecretStore::fromDocument);
    }

    /**
     * The secret that signs a delivery to {@code url}: the school's contact of that id, else the district's own (both
     * may hold a delivery's contact id). A secret for another URL is not this receiver's and is never used for it.
     */
    public Mono<WebhookSecret> forDelivery(String district, String school, String contactId, String url) {
        String schools = ContactStore.key(district, school, contactId);
        String own = ContactStore.key(district, null, contactId);
        return Flux.from(secrets.find(Filters.and(Filters.in("_id", schools, own), Filters.eq("url", url))))
                .sort(Comparator.comparing(d -> d.getString("_id").equals(schools) ? 0 : 1))
                .next().map(WebhookSecretStore::fromDocument);
    }

    public Mono<Void> put(String district, String school, String contactId, WebhookSecret secret, Instant at) {
        Document doc = new Document("_id", ContactStore.key(district, school, contactId)).append("district", district)
                .append("school", school).append("contactId", contactId).append("url", secret.url())
                .append("current", secret.current()).append("previous", secret.previous())
                .append("previousShared", secret.previousShared())
                .append("previousUntil", secret.previousUntil() == null ? null : date(secret.previousUntil()))
                .append("setAt", date(at));
        return Mono.from(secrets.replaceOne(Filters.eq("_id", doc.getString("_id")), doc,
                new ReplaceOptions().upsert(true))).then();
    }

    public Mono<Void> remove(String district, String school, String contactId) {
        return Mono.from(secrets.deleteOne(Filters.eq("_id", ContactStore.key(district, school, contactId)))).then();
    }

    private static WebhookSecret fromDocument(Document d) {
        return new WebhookSecret(d.getString("url"), d.getString("current"), d.getString("previous"),
                d.getBoolean("previousShared", false), Documents.instant(d, "previousUntil"));
    }
}
