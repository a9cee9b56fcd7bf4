package org.xinfang.reporting.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.List;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Bureau systems' webhook subscriptions, per district. Not part of a generation: a rebuild keeps them. */
public final class WebhookStore {

    public record Webhook(String id, String district, String url, String secret) {
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

    /** All live subscriptions; few enough (one or two per district) to keep in memory. */
    public Mono<List<Webhook>> all() {
        return Flux.from(hooks.find(Filters.eq("removedAt", null))).map(d -> new Webhook(d.getString("_id"),
                d.getString("district"), d.getString("url"), d.getString("secret"))).collectList();
    }
}
