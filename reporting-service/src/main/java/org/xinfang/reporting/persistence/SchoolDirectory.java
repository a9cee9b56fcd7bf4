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
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which schools reporting has heard of in each district, learned from the receipts it folds: one document per
 * district and school, addressed by {@code _id}. A bureau may read the figures of a school of its own district only,
 * and a school it names that is not listed here answers as absent, whether it belongs to another district or to none.
 * A school once heard of stays known, so what is known is remembered in the process (per generation) and only an
 * unknown name costs a read. Each school's name as people know it (东区第一小学) is kept with it, from the latest
 * receipt that named it, so the bureau's pages and exports show names, not ids; a name is not identity.
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
        Set<String> named = new LinkedHashSet<>();
        for (TallyStore.Enrolment e : enrolments) {
            String id = id(e.district(), e.school());
            String name = e.schoolName() == null || e.schoolName().isBlank() ? null : e.schoolName();
            // A school known already still costs one write when a receipt first gives its name (or a new one).
            boolean news = !known.contains(key(id)) || (name != null && !known.contains(named(id, name)));
            if (news && ids.add(id)) {
                Document set = new Document("district", e.district()).append("school", e.school());
                if (name != null) {
                    set.append("name", name);
                    named.add(named(id, name));
                }
                writes.add(new UpdateOneModel<>(Filters.eq("_id", id), new Document("$set", set), UPSERT));
            }
        }
        if (writes.isEmpty()) {
            return Mono.empty();
        }
        return Mono.from(schools.bulkWrite(writes, new BulkWriteOptions().ordered(false)))
                .doOnSuccess(done -> {
                    ids.forEach(id -> known.add(key(id)));
                    known.addAll(named);
                })
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

    /**
     * The schools of a district reporting has heard of, with their names where a receipt gave one (else the id), by
     * id. A scan of the district's few dozen documents: the bureau's page asks once when it opens, not per figure.
     */
    public Mono<Map<String, String>> namesIn(String district) {
        return Flux.from(schools.find(Filters.eq("district", district)))
                .collectMap(d -> d.getString("school"), d -> d.getString("name") == null ? d.getString("school") : d.getString("name"),
                        TreeMap::new);
    }

    private String named(String id, String name) {
        return key(id) + "|name|" + name;
    }

    private String key(String id) {
        return generation + "|" + id;
    }

    private static String id(String district, String school) {
        return district + "|" + school;
    }
}
