package org.xinfang.notification.persistence;

import static org.xinfang.notification.persistence.Documents.date;
import static org.xinfang.notification.persistence.Documents.instant;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Instant;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.notification.domain.Actor;
import org.xinfang.notification.domain.RecipientRole;
import org.xinfang.notification.domain.Silence;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Silences per school. Ending one early records who ended it and when, and keeps the end it was set with: the
 * record of a silence is never overwritten. Active silences are read by school and end time.
 */
@Repository
public class SilenceStore implements IndexedStore {

    private final MongoCollection<Document> silences;

    SilenceStore(MongoDatabase database) {
        this.silences = database.getCollection("silences");
    }

    @Override
    public Mono<Void> createIndexes() {
        return Mono.from(silences.createIndex(Indexes.ascending("school", "endsAt")))
                .then(Mono.from(silences.createIndex(Indexes.ascending("district", "createdAt")))).then();
    }

    public Mono<Void> save(Silence s) {
        Document doc = new Document("_id", s.silenceId()).append("district", s.district()).append("school", s.school())
                .append("kind", s.kind() == null ? null : s.kind().name())
                .append("role", s.role() == null ? null : s.role().name())
                .append("department", s.department()).append("endsAt", date(s.endsAt()))
                .append("createdBy", s.createdBy()).append("createdRole", s.createdRole())
                .append("createdAt", date(s.createdAt())).append("comment", s.comment())
                .append("endedAt", null).append("endedBy", null).append("endedRole", null);
        return Mono.from(silences.insertOne(doc)).then();
    }

    public Flux<Silence> activeAt(String district, String school, Instant now) {
        return Flux.from(silences.find(Filters.and(Filters.eq("school", school), Filters.eq("district", district),
                Filters.gt("endsAt", date(now))))).map(SilenceStore::fromDocument).filter(s -> s.active(now));
    }

    /** Every silence of a district (of one school when {@code school} is set) set since {@code since}, newest first. */
    public Flux<Silence> history(String district, String school, Instant since, int limit) {
        var filter = school == null ? Filters.and(Filters.eq("district", district), Filters.gte("createdAt", date(since)))
                : Filters.and(Filters.eq("district", district), Filters.eq("school", school),
                        Filters.gte("createdAt", date(since)));
        return Flux.from(silences.find(filter).sort(Sorts.descending("createdAt")).limit(limit))
                .map(SilenceStore::fromDocument);
    }

    /** Ends an active silence now, recording who; empty if there is no such silence at this school or it has ended. */
    public Mono<Silence> end(String district, String school, String silenceId, Actor by, Instant now) {
        return Mono.from(silences.findOneAndUpdate(Filters.and(Filters.eq("_id", silenceId), Filters.eq("school", school),
                        Filters.eq("district", district), Filters.eq("endedAt", null), Filters.gt("endsAt", date(now))),
                        Updates.combine(Updates.set("endedAt", date(now)), Updates.set("endedBy", by.subject()),
                                Updates.set("endedRole", by.role())),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(SilenceStore::fromDocument);
    }

    static Silence fromDocument(Document d) {
        String kind = d.getString("kind");
        String role = d.getString("role");
        return new Silence(d.getString("_id"), d.getString("district"), d.getString("school"),
                kind == null ? null : AlertKind.valueOf(kind), role == null ? null : RecipientRole.valueOf(role),
                d.getString("department"), instant(d, "endsAt"), d.getString("createdBy"), d.getString("comment"),
                d.getString("createdRole"), instant(d, "createdAt"), instant(d, "endedAt"), d.getString("endedBy"),
                d.getString("endedRole"));
    }
}
