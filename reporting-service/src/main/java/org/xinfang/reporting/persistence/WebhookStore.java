package org.xinfang.reporting.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Bureau systems' webhook subscriptions, per district. Not part of a generation: a rebuild keeps them. */
public final class WebhookStore {

    /**
     * A live subscription. After a rotation {@code previousSecret} still signs, next to {@code secret}, until
     * {@code previousUntil}; null when there is none.
     */
    public record Webhook(String id, String district, String url, String secret, String previousSecret,
                          java.time.Instant previousUntil) {

        public Webhook(String id, String district, String url, String secret) {
            this(id, district, url, secret, null, null);
        }

        /** The secret that still signs next to the current one at {@code now}, or null. */
        public String overlappingAt(java.time.Instant now) {
            return previousSecret != null && previousUntil != null && now.isBefore(previousUntil) ? previousSecret : null;
        }
    }

    /** Who subscribed, for the audit trail: the token's subject, display name and roles. */
    public record Subscriber(String subject, String name, String roles) {
    }

    private final MongoCollection<Document> hooks;

    public WebhookStore(MongoDatabase database) {
        this.hooks = database.getCollection("webhooks");
    }

    public Mono<Webhook> add(Webhook hook, Subscriber by) {
        return Mono.from(hooks.insertOne(new Document("_id", hook.id()).append("district", hook.district())
                .append("url", hook.url()).append("secret", hook.secret())
                .append("subscribedBy", new Document("subject", by.subject()).append("name", by.name())
                        .append("roles", by.roles()))
                .append("subscribedAt", new java.util.Date()))).thenReturn(hook);
    }

    /**
     * Ends a subscription, recording who and when; the record stays (its secret is erased, nothing is signed with it
     * again). False when there is no such live subscription in the district.
     */
    public Mono<Boolean> remove(String district, String id, Subscriber by) {
        return Mono.from(hooks.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("district", district),
                                Filters.eq("removedAt", null)),
                        Updates.combine(Updates.set("removedAt", new java.util.Date()), Updates.unset("secret"),
                                Updates.set("removedBy", new Document("subject", by.subject()).append("name", by.name())
                                        .append("roles", by.roles())))))
                .map(r -> r.getModifiedCount() > 0);
    }

    /**
     * Gives a live subscription a new secret; the one it had keeps signing next to it until {@code previousUntil}.
     * Recorded with who and when. Empty when there is no such live subscription in the district.
     */
    public Mono<Webhook> rotate(String district, String id, String secret, java.time.Instant previousUntil,
                                Subscriber by) {
        Bson live = Filters.and(Filters.eq("_id", id), Filters.eq("district", district), Filters.eq("removedAt", null));
        return Mono.from(hooks.find(live).first()).flatMap(before -> Mono.from(hooks.findOneAndUpdate(
                        // Only over the secret just read: two rotations at once do not both keep "the previous" one.
                        Filters.and(live, Filters.eq("secret", before.getString("secret"))),
                        Updates.combine(Updates.set("secret", secret),
                                Updates.set("previousSecret", before.getString("secret")),
                                Updates.set("previousUntil", java.util.Date.from(previousUntil)),
                                Updates.push("rotations", new Document("at", new java.util.Date())
                                        .append("by", new Document("subject", by.subject()).append("name", by.name())
                                                .append("roles", by.roles())))),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))))
                .map(WebhookStore::fromDocument);
    }

    /** All live subscriptions; few enough (one or two per district) to keep in memory. */
    public Mono<List<Webhook>> all() {
        return Flux.from(hooks.find(Filters.eq("removedAt", null))).map(WebhookStore::fromDocument).collectList();
    }

    private static Webhook fromDocument(Document d) {
        java.util.Date until = d.getDate("previousUntil");
        return new Webhook(d.getString("_id"), d.getString("district"), d.getString("url"), d.getString("secret"),
                d.getString("previousSecret"), until == null ? null : until.toInstant());
    }
}
