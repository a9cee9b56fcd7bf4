package org.xinfang.notification.persistence;

import static org.xinfang.notification.persistence.Documents.date;
import static org.xinfang.notification.persistence.Documents.instant;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Grouping windows of non-critical notifications, one document per (recipient, window): OPEN while deliveries to
 * the same recipient may still join it, SENDING while one instance sends the grouped message, RETRYING after a failed
 * attempt (closed to newcomers), then SENT or DEAD. Like a delivery, a group is claimed in one atomic write.
 */
@Repository
public class DeliveryGroupStore implements IndexedStore {

    /** A group as a sender needs it. */
    public record Group(String groupId, String key, String channel, String target, Instant dueAt, int attempts,
                        boolean createdByCaller) {
    }

    private final MongoCollection<Document> groups;

    DeliveryGroupStore(MongoDatabase database) {
        this.groups = database.getCollection("delivery_groups");
    }

    @Override
    public Mono<Void> createIndexes() {
        return Mono.from(groups.createIndex(Indexes.ascending("key", "state", "dueAt")))
                .then(Mono.from(groups.createIndex(Indexes.ascending("state", "dueAt")))).then();
    }

    /**
     * Joins the recipient's open window, or opens one that closes at {@code closesAt}. {@code createdByCaller} says
     * whether this call opened it (and so must make sure it is sent when it closes).
     */
    public Mono<Group> join(String key, String channel, String target, Instant now, Instant closesAt) {
        String nonce = UUID.randomUUID().toString();
        return Mono.from(groups.findOneAndUpdate(
                        Filters.and(Filters.eq("key", key), Filters.eq("state", "OPEN"), Filters.gt("dueAt", date(now))),
                        Updates.combine(Updates.setOnInsert("_id", nonce), Updates.setOnInsert("channel", channel),
                                Updates.setOnInsert("target", target), Updates.setOnInsert("dueAt", date(closesAt)),
                                Updates.setOnInsert("attempts", 0), Updates.setOnInsert("openedAt", date(now)),
                                Updates.inc("members", 1)),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)))
                .map(d -> groupOf(d, nonce.equals(d.getString("_id"))));
    }

    /** Claims a closed group for sending (OPEN or RETRYING and due, or SENDING abandoned); empty if not. */
    public Mono<Group> claim(String groupId, Instant now, Instant claimedUntil) {
        var due = Filters.or(
                Filters.and(Filters.in("state", "OPEN", "RETRYING"), Filters.lte("dueAt", date(now))),
                Filters.and(Filters.eq("state", "SENDING"), Filters.lte("claimedUntil", date(now))));
        var filter = groupId == null ? due : Filters.and(Filters.eq("_id", groupId), due);
        return Mono.from(groups.findOneAndUpdate(filter,
                        Updates.combine(Updates.set("state", "SENDING"), Updates.set("claimedUntil", date(claimedUntil))),
                        new FindOneAndUpdateOptions().sort(Sorts.ascending("dueAt")).returnDocument(ReturnDocument.AFTER)))
                .map(d -> groupOf(d, false));
    }

    public Mono<Void> sent(String groupId, int attempts, Instant at) {
        return Mono.from(groups.updateOne(Filters.eq("_id", groupId), Updates.combine(Updates.set("state", "SENT"),
                Updates.set("attempts", attempts), Updates.set("sentAt", date(at))))).then();
    }

    public Mono<Void> retryAt(String groupId, int attempts, String error, Instant at) {
        return Mono.from(groups.updateOne(Filters.eq("_id", groupId), Updates.combine(Updates.set("state", "RETRYING"),
                Updates.set("attempts", attempts), Updates.set("lastError", error), Updates.set("dueAt", date(at)))))
                .then();
    }

    public Mono<Void> dead(String groupId, int attempts, String error) {
        return Mono.from(groups.updateOne(Filters.eq("_id", groupId), Updates.combine(Updates.set("state", "DEAD"),
                Updates.set("attempts", attempts), Updates.set("lastError", error)))).then();
    }

    static Group groupOf(Document d, boolean created) {
        return new Group(d.getString("_id"), d.getString("key"), d.getString("channel"), d.getString("target"),
                instant(d, "dueAt"), d.getInteger("attempts", 0), created);
    }
}
