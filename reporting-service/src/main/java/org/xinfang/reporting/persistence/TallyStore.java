package org.xinfang.reporting.persistence;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.xinfang.reporting.domain.Grain;
import org.xinfang.reporting.domain.Period;
import org.xinfang.reporting.domain.Tally;
import org.xinfang.reporting.domain.TallyKey;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The figures per school or district and period, one document each, addressed only by {@code _id} (which every
 * MongoDB-wire server serves from its primary index). A school's day also lists its petitions, and a district's day
 * its schools, so each level is recomputed from exactly the documents it sums without a secondary-index scan.
 */
public final class TallyStore {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoCollection<Document> tallies;
    private final TallyCache cache;
    private final long generation;

    TallyStore(MongoCollection<Document> tallies, TallyCache cache, long generation) {
        this.tallies = tallies;
        this.cache = cache;
        this.generation = generation;
    }

    /** Records that a petition belongs to its school's day, and the school to its district's day. */
    public Mono<Void> enrol(Collection<Enrolment> enrolments) {
        // Grouped, so a batch writes each school-day and district-day once however many receipts it holds.
        Map<TallyKey, List<String>> members = new LinkedHashMap<>();
        Map<TallyKey, List<String>> schools = new LinkedHashMap<>();
        for (Enrolment e : enrolments) {
            TallyKey school = TallyKey.ofSchool(e.district(), e.school(), new Period(Grain.DAY, e.day()));
            members.computeIfAbsent(school, k -> new ArrayList<>()).add(e.petitionId());
            schools.computeIfAbsent(TallyKey.ofDistrict(e.district(), school.period()), k -> new ArrayList<>()).add(e.school());
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        members.forEach((key, ids) -> writes.add(addToSet(key, "members", ids)));
        schools.forEach((key, names) -> writes.add(addToSet(key, "schools", names)));
        return writes.isEmpty() ? Mono.empty() : Mono.from(tallies.bulkWrite(writes, UNORDERED)).then();
    }

    private static UpdateOneModel<Document> addToSet(TallyKey key, String field, List<String> values) {
        return new UpdateOneModel<>(Filters.eq("_id", key.id()), new Document("$set", identity(key))
                .append("$addToSet", new Document(field, new Document("$each", values.stream().distinct().toList()))), UPSERT);
    }

    /** @param schoolName the school's name as people know it, from the receipt; null from an older intake */
    public record Enrolment(String petitionId, String district, String school, java.time.LocalDate day,
                            String schoolName) {
    }

    /** The petitions enrolled in each of these school-days, by tally id. */
    public Mono<Map<String, List<String>>> members(Collection<TallyKey> schoolDays) {
        return documents(schoolDays).map(docs -> lists(docs, "members"));
    }

    /** The schools enrolled in each of these district-days, by tally id. */
    public Mono<Map<String, List<String>>> schools(Collection<TallyKey> districtDays) {
        return documents(districtDays).map(docs -> lists(docs, "schools"));
    }

    /** The stored tallies for these keys, by id; periods with nothing stored are absent. */
    public Mono<Map<String, Tally>> load(Collection<TallyKey> keys) {
        Map<String, Tally> found = new LinkedHashMap<>();
        List<TallyKey> missing = new ArrayList<>();
        for (TallyKey key : keys) {
            Tally cached = cache.get(generation, key.id());
            if (cached != null) {
                found.put(key.id(), cached);
            } else {
                missing.add(key);
            }
        }
        if (missing.isEmpty()) {
            return Mono.just(found);
        }
        return documents(missing).map(docs -> {
            docs.forEach((id, doc) -> {
                Tally tally = decode(doc);
                cache.put(generation, id, tally);
                found.put(id, tally);
            });
            return found;
        });
    }

    private static Map<String, List<String>> lists(Map<String, Document> docs, String field) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        docs.forEach((id, doc) -> lists.put(id, listOf(doc, field)));
        return lists;
    }

    /** The stored documents for these keys, by id; missing ones are simply absent. */
    Mono<Map<String, Document>> documents(Collection<TallyKey> keys) {
        if (keys.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<String> ids = keys.stream().map(TallyKey::id).distinct().toList();
        return Flux.from(tallies.find(Filters.in("_id", ids)))
                .collectMap(d -> d.getString("_id"), d -> d, LinkedHashMap::new);
    }

    public Mono<Void> save(Map<TallyKey, Tally> computed) {
        if (computed.isEmpty()) {
            return Mono.empty();
        }
        Date now = new Date();
        List<WriteModel<Document>> writes = new ArrayList<>();
        Map<TallyKey, Tally> changed = new LinkedHashMap<>();
        // What the cache holds is what the store holds (single writer): an unchanged figure need not be written again,
        // which is most of them when events are redelivered or replayed.
        computed.forEach((key, tally) -> {
            if (!tally.equals(cache.get(generation, key.id()))) {
                changed.put(key, tally);
            }
        });
        if (changed.isEmpty()) {
            return Mono.empty();
        }
        changed.forEach((key, tally) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", key.id()),
                new Document("$set", encode(tally).append("updatedAt", now).append("district", key.district())
                        .append("school", key.school()).append("grain", key.period().grain().name())
                        .append("start", key.period().start().toString())), UPSERT)));
        return Mono.from(tallies.bulkWrite(writes, UNORDERED))
                .doOnSuccess(done -> changed.forEach((key, tally) -> cache.put(generation, key.id(), tally)))
                .then();
    }

    public void forgetCached() {
        cache.clear();
    }

    /** The sum of the stored tallies for these keys (nothing stored counts as zero). */
    public Mono<Tally> sum(Collection<TallyKey> keys) {
        return load(keys).map(found -> {
            Tally sum = new Tally();
            found.values().forEach(sum::merge);
            return sum;
        });
    }

    @SuppressWarnings("unchecked")
    static List<String> listOf(Document doc, String field) {
        Object value = doc == null ? null : doc.get(field);
        return value == null ? List.of() : (List<String>) value;
    }

    private static Document identity(TallyKey key) {
        return new Document("district", key.district()).append("school", key.school())
                .append("grain", key.period().grain().name()).append("start", key.period().start().toString());
    }

    static Document encode(Tally tally) {
        Document counts = new Document();
        tally.counts().forEach((dimension, values) -> {
            Document encoded = new Document();
            values.forEach((value, n) -> encoded.append(StoreKeys.encode(value), n));
            counts.append(dimension, encoded);
        });
        return new Document("totals", new Document(new LinkedHashMap<>(tally.totals())))
                .append("counts", counts)
                .append("hoursToAccept", histogram(tally.hoursToAccept()))
                .append("hoursToResolve", histogram(tally.hoursToResolve()));
    }

    /** A document written only by {@link #enrol} (no figures yet) decodes as an empty tally. */
    static Tally decode(Document doc) {
        Map<String, Long> totals = new LinkedHashMap<>();
        Document t = doc.get("totals", Document.class);
        if (t != null) {
            t.forEach((k, v) -> totals.put(k, ((Number) v).longValue()));
        }
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        Document c = doc.get("counts", Document.class);
        if (c != null) {
            c.forEach((dimension, values) -> {
                Map<String, Long> decoded = new TreeMap<>();
                ((Document) values).forEach((k, v) -> decoded.put(StoreKeys.decode(k), ((Number) v).longValue()));
                counts.put(dimension, decoded);
            });
        }
        return Tally.of(totals, counts, histogram(doc.get("hoursToAccept", Document.class)),
                histogram(doc.get("hoursToResolve", Document.class)));
    }

    private static Document histogram(Map<Long, Long> distribution) {
        Document doc = new Document();
        distribution.forEach((h, n) -> doc.append(Long.toString(h), n));
        return doc;
    }

    private static Map<Long, Long> histogram(Document doc) {
        Map<Long, Long> distribution = new TreeMap<>();
        if (doc != null) {
            doc.forEach((h, n) -> distribution.put(Long.parseLong(h), ((Number) n).longValue()));
        }
        return distribution;
    }
}
