package org.xinfang.notification.persistence;

import static org.xinfang.notification.persistence.Documents.date;
import static org.xinfang.notification.persistence.Documents.instant;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Instant;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.notification.domain.RecipientRole;
import org.xinfang.notification.domain.Silence;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Silences per school; ending one early sets its end time to now, so the record of it stays. */
@Repository
public class SilenceStore implements IndexedStore {

    private final MongoCollection<Document> silences;

    SilenceStore(MongoDatabase database) {
        this.silences = database.getCollection("silences");
    }

    @Override
    public Mono<Void> createIndexes() {
        return Mono.from(silences.createIndex(Indexes.ascending("school", "endsAt"))).then();
    }

    public Mono<Void> save(Silence s) {
        Document doc = new Document("_id", s.silenceId()).append("district", s.district()).append("school", s.school())
                .append("kind", s.kind() == null ? null : s.kind().name())
                .append("role", s.role() == null ? null : s.role().name())
                .append("department", s.department()).append("endsAt", date(s.endsAt()))
                .append("createdBy", s.createdBy()).append("comment", s.comment());
        return Mono.from(silences.insertOne(doc)).then();
    }

    public Flux<Silence> activeAt(String district, String school, Instant now) {
        return Flux.from(silences.find(Filters.and(Filters.eq("school", school), Filters.eq("district", district),
                Filters.gt("endsAt", date(now))))).map(SilenceStore::fromDocument);
    }

    /** Ends a silence now; empty if there is no such silence at this school. */
    public Mono<Silence> end(String district, String school, String silenceId, Instant now) {
        return Mono.from(silences.findOneAndUpdate(Filters.and(Filters.eq("_id", silenceId), Filters.eq("school", school),
                        Filters.eq("district", district)), Updates.set("endsAt", date(now))))
                .map(SilenceStore::fromDocument);
    }

    static Silence fromDocument(Document d) {
        String kind = d.getString("kind");
        String role = d.getString("role");
        return new Silence(d.getString("_id"), d.getString("district"), d.getString("school"),
                kind == null ? null : AlertKind.valueOf(kind), role == null ? null : RecipientRole.valueOf(role),
                d.getString("department"), instant(d, "endsAt"), d.getString("createdBy"), d.getString("comment"));
    }
}
