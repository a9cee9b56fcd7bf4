package org.xinfang.intake.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.xinfang.contracts.vocabulary.Relation;
import org.xinfang.intake.domain.GateEntry;
import org.xinfang.intake.domain.Petitioner;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The gate register in MongoDB, one document per entry, the visitor's identity sealed like a petitioner's. */
public class GateRegister {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_PER_DAY = 500;

    private final MongoCollection<Document> entries;
    private final IdentityCipher cipher;

    public GateRegister(MongoCollection<Document> entries, IdentityCipher cipher) {
        this.entries = entries;
        this.cipher = cipher;
    }

    public Mono<GateEntry> log(GateEntry e) {
        boolean named = e.visitorName() != null || e.phone() != null;
        Document doc = new Document("_id", e.id())
                .append("district", e.district())
                .append("school", e.school())
                .append("kind", e.kind().name())
                .append("identity", named ? cipher.seal(e.id(),
                        List.of(new Petitioner(e.visitorName(), e.phone(), null, null, Relation.OTHER))) : null)
                .append("headcount", e.headcount())
                .append("purpose", e.purpose())
                .append("arrivedAt", PetitionDocuments.date(e.arrivedAt()))
                .append("loggedAt", PetitionDocuments.date(e.loggedAt()))
                .append("loggedBy", e.loggedBy())
                .append("petitionId", null);
        return Mono.from(entries.insertOne(doc)).thenReturn(e).transform(this::guarded);
    }

    /** Another school's entry is not found, as with petitions; the lookup stays a pure {@code _id} lookup. */
    public Mono<GateEntry> find(String district, String school, String id) {
        return Mono.from(entries.find(new Document("_id", id)).first())
                .filter(d -> district.equals(d.getString("district")) && school.equals(d.getString("school")))
                .map(this::entry)
                .transform(this::guarded);
    }

    /** A day's register of one school, latest arrival first. */
    public Flux<GateEntry> between(String district, String school, Instant from, Instant until) {
        return Flux.from(entries.find(new Document("district", district).append("school", school)
                                .append("arrivedAt", new Document("$gte", PetitionDocuments.date(from))
                                        .append("$lt", PetitionDocuments.date(until))))
                        .sort(new Document("arrivedAt", -1).append("_id", -1)).limit(MAX_PER_DAY))
                .map(this::entry)
                .timeout(CALL_TIMEOUT)
                .onErrorMap(e -> !(e instanceof StoreUnavailableException) && PetitionStore.unavailable(e),
                        e -> new StoreUnavailableException("the petition store is unavailable", e));
    }

    /** Records which petition the entry became. Idempotent: the petition id is derived from the entry's. */
    public Mono<Void> linkPetition(String id, String petitionId) {
        return Mono.from(entries.updateOne(new Document("_id", id),
                        new Document("$set", new Document("petitionId", petitionId))))
                .then()
                .transform(this::guarded);
    }

    private GateEntry entry(Document d) {
        String id = d.getString("_id");
        Document identity = d.get("identity", Document.class);
        Petitioner visitor = identity == null ? null : cipher.open(id, identity, List.of(Relation.OTHER)).get(0);
        return new GateEntry(id, d.getString("district"), d.getString("school"), GateEntry.Kind.valueOf(d.getString("kind")),
                visitor == null ? null : visitor.name(), visitor == null ? null : visitor.phone(),
                d.getInteger("headcount"), d.getString("purpose"), PetitionDocuments.instant(d.getDate("arrivedAt")),
                PetitionDocuments.instant(d.getDate("loggedAt")), d.getString("loggedBy"), d.getString("petitionId"));
    }

    private <T> Mono<T> guarded(Mono<T> call) {
        return call.timeout(CALL_TIMEOUT)
                .onErrorMap(e -> e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY,
                        e -> new IllegalStateException("gate entry id collision", e))
                .onErrorMap(PetitionStore::unavailable,
                        e -> new StoreUnavailableException("the petition store is unavailable", e));
    }
}
