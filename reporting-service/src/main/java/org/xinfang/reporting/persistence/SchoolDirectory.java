package org.xinfang.reporting.persistence;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * Which schools reporting has heard of in each district, learned from the receipts it folds: one document per
 * district and school, addressed by {@code _id}. A bureau may read the figures of a school of its own district only,
 * and a school it names that is not listed here answers as absent, whether it belongs to another district or to none.
 * A school once heard of stays known, so what is known is remembered in the process (per generation) and only an
 * unknown name costs a read.
 */
public final class SchoolDirectory {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> schools;
    private final Set<String> known;
    private final long generation;

    SchoolDirectory(MongoCollection<Document> schools, Set<String> known, long generation) {
        this.schools = schools;
        this.known = known;
        this.generation = generation;
    }

    /** Lists each receipt's school under its district; schools already known cost no write. */
    public Mono<Void> learn(Collection<TallyStore.Enrolment> enrolments) {
        Set<String> ids = new LinkedHashSet<>();
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (TallyStore.Enrolment e : enrolments) {
            String id = id(e.district(), e.school());
            if (!known.contains(key(id)) && ids.add(id)) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", id),
                        new Document("$set", new Document("district", e.district()).append("school", e.school())), UPSERT));
            }
        }
        if (writes.isEmpty()) {
            return Mono.empty();
        }
        return Mono.from(schools.bulkWrite(writes, new BulkWriteOptions().ordered(false)))
                .doOnSuccess(done -> ids.forEach(id -> known.add(key(id))))
                .then();
    }

    /** Whether reporting has heard of {@code school} in {@code district}. */
    public Mono<Boolean> knows(String district, String school) {
        String id = id(district, school);
        if (known.contains(key(id))) {
            return Mono.just(true);
        }
        return Mono.from(schools.find(Filters.eq("_id", id)).first())
                .map(doc -> {
                    known.add(key(id));
                    return true;
                })
                .defaultIfEmpty(false);
    }

    private String key(String id) {
        return generation + "|" + id;
    }

    private static String id(String district, String school) {
        return district + "|" + school;
    }
}
