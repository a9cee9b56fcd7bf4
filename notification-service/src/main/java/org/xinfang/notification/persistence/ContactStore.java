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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Repository;
import org.xinfang.notification.domain.Actor;
import org.xinfang.notification.domain.Contact;
import org.xinfang.notification.domain.RecipientRole;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Contacts per school (and the district's own, with no school), and the audit of every change to them (who changed
 * which contact, when, from what to what): who was reachable at the time of an incident is part of the plan's
 * accountability. Every key and query carries the district, so one district never reaches another's contacts.
 */
@Repository
public class ContactStore implements IndexedStore {

    /** One audited change; {@code school} is null for the district's own contacts. */
    public record Change(String auditId, String district, String school, String contactId, String action, String by,
                         String name, String role, Instant at, Contact before, Contact after) {
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

    /**
     * Everyone an alert of this school may reach: the school's contacts and the district's own (the bureau's duty
     * office hears of every school's bureau alerts), from the short-lived cache when fresh.
     */
    public Mono<List<Contact>> forDelivery(String district, String school) {
        String key = district + "/" + school;
        Cached cached = cache.get(key);
        long now = System.nanoTime();
        if (cached != null && now - cached.loadedAtNanos() < cacheTtlNanos) {
            return Mono.just(cached.contacts());
        }
        return Flux.from(contacts.find(Filters.and(Filters.eq("district", district),
                        Filters.in("school", school, null))).sort(Sorts.ascending("role", "contactId")))
                .map(ContactStore::fromDocument).collectList()
                .doOnNext(list -> cache.put(key, new Cached(List.copyOf(list), now)));
    }

    /** The district's own active contacts in these roles (the bureau's people, for digests). */
    public Flux<Contact> ofDistrictInRoles(String district, List<RecipientRole> roles) {
        return Flux.from(contacts.find(Filters.and(Filters.eq("district", district), Filters.eq("school", null),
                        Filters.in("role", roles.stream().map(Enum::name).toList()), Filters.eq("active", true)))
                .sort(Sorts.ascending("contactId"))).map(ContactStore::fromDocument);
    }

    @Override
    public Mono<Void> createIndexes() {
        return Mono.from(contacts.createIndex(Indexes.ascending("district", "school", "role")))
                .then(Mono.from(audit.createIndex(Indexes.ascending("district", "school", "atNanos")))).then();
    }

    /** Creates or replaces the contact and audits the change; returns the previous version if there was one. */
    public Mono<Optional<Contact>> save(Contact contact, Actor by, Instant at) {
        return Mono.from(contacts.findOneAndReplace(Filters.eq("_id", key(contact.district(), contact.school(),
                                contact.contactId())), toDocument(contact),
                        new FindOneAndReplaceOptions().upsert(true)))
                .map(ContactStore::fromDocument).map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .doOnNext(written -> forget(contact.district()))
                .flatMap(before -> auditChange(contact.district(), contact.school(), contact.contactId(),
                        before.isPresent() ? "UPDATED" : "CREATED", by, at, before.orElse(null), contact)
                        .thenReturn(before));
    }

    /** Removes the contact and audits it; empty if there was none. */
    public Mono<Contact> remove(String district, String school, String contactId, Actor by, Instant at) {
        return Mono.from(contacts.findOneAndDelete(Filters.eq("_id", key(district, school, contactId))))
                .map(ContactStore::fromDocument)
                .doOnNext(removed -> forget(district))
                .flatMap(before -> auditChange(district, school, contactId, "REMOVED", by, at, before, null)
                        .thenReturn(before));
    }

    /** Audits an event of the contact that changes none of its fields, such as a rotation of its signing secret. */
    public Mono<Void> audit(Contact contact, String action, Actor by, Instant at) {
        return auditChange(contact.district(), contact.school(), contact.contactId(), action, by, at, contact, contact);
    }

    public Mono<Contact> byId(String district, String school, String contactId) {
        return Mono.from(contacts.find(Filters.eq("_id", key(district, school, contactId))).first())
                .map(ContactStore::fromDocument);
    }

    /** The contacts of one school, or the district's own when {@code school} is null. */
    public Flux<Contact> ofSchool(String district, String school) {
        return Flux.from(contacts.find(Filters.and(Filters.eq("district", district), Filters.eq("school", school)))
                .sort(Sorts.ascending("role", "contactId"))).map(ContactStore::fromDocument);
    }

    /** Every contact of the district, its schools' and its own. */
    public Flux<Contact> ofDistrict(String district) {
        return Flux.from(contacts.find(Filters.eq("district", district)).sort(Sorts.ascending("school", "role", "contactId")))
                .map(ContactStore::fromDocument);
    }

    /** The audit of one school's contacts, or of the district's own when {@code school} is null. */
    public Flux<Change> auditOf(String district, String school) {
        Bson filter = Filters.and(Filters.eq("district", district), Filters.eq("school", school));
        return Flux.from(audit.find(filter).sort(Sorts.ascending("atNanos", "_id")))
                .map(d -> new Change(d.getString("_id"), d.getString("district"), d.getString("school"),
                        d.getString("contactId"), d.getString("action"), d.getString("by"), d.getString("name"),
                        d.getString("role"), Documents.instant(d, "at"),
                        d.get("before", Document.class) == null ? null : fromDocument(d.get("before", Document.class)),
                        d.get("after", Document.class) == null ? null : fromDocument(d.get("after", Document.class))));
    }

    private void forget(String district) {
        // A district contact is part of every school's delivery list: forget the whole district.
        cache.keySet().removeIf(k -> k.startsWith(district + "/"));
    }

    private Mono<Void> auditChange(String district, String school, String contactId, String action, Actor by,
                                   Instant at, Contact before, Contact after) {
        Document entry = new Document("_id", UUID.randomUUID().toString()).append("district", district)
                .append("school", school).append("contactId", contactId).append("action", action)
                .append("by", by.subject()).append("name", by.name()).append("role", by.role())
                .append("at", date(at))
                // BSON dates keep milliseconds; two changes within one are still told apart in order.
                .append("atNanos", at.getEpochSecond() * 1_000_000_000L + at.getNano())
                .append("before", before == null ? null : toDocument(before))
                .append("after", after == null ? null : toDocument(after));
        return Mono.from(audit.insertOne(entry)).then();
    }

    /** Contact ids are each school's own (and the district's): the same id at two schools names two contacts. */
    static String key(String district, String school, String contactId) {
        return district + "/" + (school == null ? "-" : school) + "/" + contactId;
    }

    static Document toDocument(Contact c) {
        return new Document("_id", key(c.district(), c.school(), c.contactId())).append("contactId", c.contactId())
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
