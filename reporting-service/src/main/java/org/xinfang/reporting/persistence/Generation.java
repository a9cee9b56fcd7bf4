package org.xinfang.reporting.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * Which set of collections holds the live figures. A rebuild folds every event again into a fresh generation and
 * then switches to it in one write, so readers never see a half-built set.
 */
public final class Generation {

    private static final String CONTROL = "control";
    private static final String ID = "generation";

    private final MongoDatabase database;
    private final AtomicReference<Long> current = new AtomicReference<>();
    private final TallyCache cache;
    /** Schools known per district, as {@code generation|district|school}: only added to, until a rebuild drops them. */
    private final Set<String> knownSchools = ConcurrentHashMap.newKeySet();

    public Generation(MongoDatabase database, TallyCache cache) {
        this.database = database;
        this.cache = cache;
    }

    public TallyCache cache() {
        return cache;
    }

    /** Reads the live generation from the store (1 on a fresh store). */
    public long load() {
        Document doc = Mono.from(control().find(Filters.eq("_id", ID)).first()).block();
        long value = doc == null ? 1L : doc.get("current", Number.class).longValue();
        current.set(value);
        return value;
    }

    public long current() {
        Long value = current.get();
        if (value == null) {
            throw new IllegalStateException("generation not loaded yet");
        }
        return value;
    }

    public void switchTo(long next) {
        Mono.from(control().replaceOne(Filters.eq("_id", ID), new Document("_id", ID).append("current", next),
                new ReplaceOptions().upsert(true))).block();
        current.set(next);
    }

    MongoCollection<Document> facts(long generation) {
        return database.getCollection("petition_facts_g" + generation);
    }

    MongoCollection<Document> tallies(long generation) {
        return database.getCollection("tallies_g" + generation);
    }

    MongoCollection<Document> open(long generation) {
        return database.getCollection("open_petitions_g" + generation);
    }

    MongoCollection<Document> schools(long generation) {
        return database.getCollection("schools_g" + generation);
    }

    Set<String> knownSchools() {
        return knownSchools;
    }

    MongoDatabase database() {
        return database;
    }

    private MongoCollection<Document> control() {
        return database.getCollection(CONTROL);
    }
}
