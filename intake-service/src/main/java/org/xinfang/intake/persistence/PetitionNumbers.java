package org.xinfang.intake.persistence;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * The sequence of each school's petition numbers per year: one document per school and year, incremented
 * atomically, so that two clerks registering at the same moment never get the same number. A registration that
 * fails after drawing leaves a gap, never a repeat.
 */
public class PetitionNumbers {

    private final MongoCollection<Document> sequences;

    public PetitionNumbers(MongoCollection<Document> sequences) {
        this.sequences = sequences;
    }

    /** The next sequence of the school in that year, starting at 1. */
    public Mono<Long> next(String district, String school, int year) {
        String id = district + "/" + school + "/" + year;
        return Mono.from(sequences.findOneAndUpdate(Filters.eq("_id", id), Updates.inc("last", 1L),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)))
                .map(d -> d.get("last", Number.class).longValue())
                .timeout(PetitionStore.CALL_TIMEOUT)
                .onErrorMap(PetitionStore::unavailable, e -> new StoreUnavailableException("the store is unavailable", e));
    }
}
