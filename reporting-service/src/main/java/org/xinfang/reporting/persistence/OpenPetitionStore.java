package org.xinfang.reporting.persistence;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.xinfang.reporting.domain.OpenPetition;
import org.xinfang.reporting.domain.PetitionOutcome;
import reactor.core.publisher.Mono;

/**
 * One document per district listing its petitions that still wait on a deadline, so the overdue list is one read by
 * id. Kept in step by the fold: a petition is set while it waits and unset once decided or answered.
 */
public final class OpenPetitionStore {

    private final MongoCollection<Document> open;

    OpenPetitionStore(MongoCollection<Document> open) {
        this.open = open;
    }

    public Mono<Void> update(Collection<PetitionOutcome> outcomes) {
        Map<String, Document> sets = new LinkedHashMap<>();
        Map<String, Document> unsets = new LinkedHashMap<>();
        for (PetitionOutcome o : outcomes) {
            String field = "petitions." + StoreKeys.encode(o.petitionId());
            Optional<OpenPetition> waiting = OpenPetition.of(o);
            if (waiting.isPresent()) {
                OpenPetition p = waiting.get();
                sets.computeIfAbsent(o.district(), d -> new Document()).append(field, new Document("school", p.school())
                        .append("department", p.department()).append("stage", p.stage()).append("dueBy", Date.from(p.dueBy()))
                        .append("number", p.number()));
            } else {
                unsets.computeIfAbsent(o.district(), d -> new Document()).append(field, "");
            }
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (String district : union(sets.keySet(), unsets.keySet())) {
            Document update = new Document();
            if (sets.containsKey(district)) {
                update.append("$set", sets.get(district));
            }
            if (unsets.containsKey(district)) {
                update.append("$unset", unsets.get(district));
            }
            writes.add(new UpdateOneModel<>(Filters.eq("_id", district), update, new UpdateOptions().upsert(true)));
        }
        return writes.isEmpty() ? Mono.empty()
                : Mono.from(open.bulkWrite(writes, new BulkWriteOptions().ordered(false))).then();
    }

    /** Every waiting petition of the district, earliest deadline first. */
    public Mono<List<OpenPetition>> of(String district) {
        return Mono.from(open.find(Filters.eq("_id", district)).first())
                .map(doc -> {
                    Document petitions = doc.get("petitions", Document.class);
                    List<OpenPetition> list = new ArrayList<>();
                    if (petitions != null) {
                        petitions.forEach((id, value) -> {
                            Document p = (Document) value;
                            list.add(new OpenPetition(StoreKeys.decode(id), p.getString("school"),
                                    p.getString("department"), p.getString("stage"), p.getDate("dueBy").toInstant(),
                                    p.getString("number")));
                        });
                    }
                    list.sort(Comparator.comparing(OpenPetition::dueBy).thenComparing(OpenPetition::petitionId));
                    return list;
                })
                .defaultIfEmpty(List.of());
    }

    private static List<String> union(Collection<String> a, Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(x -> !all.contains(x)).forEach(all::add);
        return all;
    }
}
