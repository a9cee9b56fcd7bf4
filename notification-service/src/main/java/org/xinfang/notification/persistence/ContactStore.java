package org.xinfang.notification.persistence;

import static org.xinfang.notification.persistence.Documents.date;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Repository;
import org.xinfang.notification.domain.Contact;
import org.xinfang.notification.domain.RecipientRole;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Contacts per school, and the audit of every change to them (who changed which contact, when, from what to what):
 * who was reachable at the time of an incident is part of the plan's accountability.
 */
@Repository
public class ContactStore implements IndexedStore {

    /** One audited change. */
    public record Change(String auditId, String contactId, String action, String by, String role, Instant at,
                         Contact before, Contact after) {
    }

    private final MongoCollection<Document> contacts;
    private final MongoCollection<Document> audit;
    /**
     * Contacts change rarely and are read for every alert: each school's list is kept for a short while. Changes
     * through this instance clear it at once; another instance's change is seen within {@code cacheTtl}.
     */
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final long cacheTtlNanos;

    private record Cached(List<Contact> contacts, long loadedAtNanos) {
    }

    ContactStore(MongoDatabase database, @Value("${xinfang.notification.contacts.cache-ttl:PT5S}") Duration cacheTtl) {
        this.contacts = database.getCollection("contacts");
        this.audit = database.getCollection("contact_audit");
        this.cacheTtlNanos = cacheTtl.toNanos();
    }

    /** The school's contacts for alert delivery, from the short-lived cache when fresh. */
    public Mono<List<Contact>> forDelivery(String district, String school) {
        String key = district + "/" + school;
        Cached cached = cache.get(key);
        long now = System.nanoTime();
        if (cached != null && now - cached.loadedAtNanos() < cacheTtlNanos) {
            return Mono.just(cached.contacts());
        }
        return ofSchool(district, school).collectList()
                .doOnNext(list -> cache.put(key, new Cached(List.copyOf(list), now)));
    }

    @Override
    public Mono<Void> createIndexes() {
        return Mono.from(contacts.createIndex(Indexes.ascending("school", "role")))
                .then(Mono.from(audit.createIndex(Indexes.ascending("school", "at")))).then();
    }

    /** Creates or replaces the contact and audits the change; returns the previous version if there was one. */
    public Mono<Optional<Contact>> save(Contact contact, String by, String role, Instant at) {
        return Mono.from(contacts.findOneAndReplace(Filters.eq("_id", key(contact.school(), contact.contactId())),
                        toDocument(contact),
                        new FindOneAndReplaceOptions().upsert(true)))
                .map(ContactStore::fromDocument).map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .doOnNext(written -> cache.remove(contact.district() + "/" + contact.school()))
                .flatMap(before -> auditChange(contact.school(), contact.contactId(),
                        before.isPresent() ? "UPDATED" : "CREATED", by, role, at, before.orElse(null), contact)
                        .thenReturn(before));
    }

    /** Removes the contact of this school and audits it; empty if there was none. */
    public Mono<Contact> remove(String school, String contactId, String by, String role, Instant at) {
        return Mono.from(contacts.findOneAndDelete(Filters.eq("_id", key(school, contactId))))
                .map(ContactStore::fromDocument)
                .doOnNext(removed -> cache.remove(removed.district() + "/" + removed.school()))
                .flatMap(before -> auditChange(school, contactId, "REMOVED", by, role, at, before, null).thenReturn(before));
    }

    public Flux<Contact> ofSchool(String district, String school) {
        return Flux.from(contacts.find(Filters.and(Filters.eq("school", school), Filters.eq("district", district)))
                .sort(Sorts.ascending("role", "contactId"))).map(ContactStore::fromDocument);
    }

    public Flux<Contact> forRole(String district, String school, RecipientRole role) {
        return Flux.from(contacts.find(Filters.and(Filters.eq("school", school), Filters.eq("district", district),
                Filters.eq("role", role.name())))).map(ContactStore::fromDocument);
    }

    public Flux<Change> auditOf(String school) {
        return Flux.from(audit.find(Filters.eq("school", school)).sort(Sorts.ascending("atNanos", "_id")))
                .map(d -> new Change(d.getString("_id"), d.getString("contactId"), d.getString("action"),
                        d.getString("by"), d.getString("role"), Documents.instant(d, "at"),
                        d.get("before", Document.class) == null ? null : fromDocument(d.get("before", Document.class)),
                        d.get("after", Document.class) == null ? null : fromDocument(d.get("after", Document.class))));
    }

    private Mono<Void> auditChange(String school, String contactId, String action, String by, String role, Instant at,
                                   Contact before, Contact after) {
        Document entry = new Document("_id", UUID.randomUUID().toString()).append("school", school)
                .append("contactId", contactId).append("action", action).append("by", by).append("role", role)
                .append("at", date(at))
                // BSON dates keep milliseconds; two changes within one are still told apart in order.
                .append("atNanos", at.getEpochSecond() * 1_000_000_000L + at.getNano())
                .append("before", before == null ? null : toDocument(before))
                .append("after", after == null ? null : toDocument(after));
        return Mono.from(audit.insertOne(entry)).then();
    }

    /** Contact ids are the school's own: the same id at two schools names two contacts. */
    private static String key(String school, String contactId) {
        return school + "/" + contactId;
    }

    static Document toDocument(Contact c) {
        return new Document("_id", key(c.school(), c.contactId())).append("contactId", c.contactId())
                .append("district", c.district()).append("school", c.school())
                .append("role", c.role().name()).append("department", c.department()).append("name", c.name())
                .append("webhookUrl", c.webhookUrl()).append("email", c.email()).append("phone", c.phone())
                .append("active", c.active());
    }

    static Contact fromDocument(Document d) {
        return new Contact(d.getString("contactId"), d.getString("district"), d.getString("school"),
                RecipientRole.valueOf(d.getString("role")), d.getString("department"), d.getString("name"),
                d.getString("webhookUrl"), d.getString("email"), d.getString("phone"), d.getBoolean("active", true));
    }
}
