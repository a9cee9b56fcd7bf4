package org.xinfang.intake.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import org.bson.Document;
import org.xinfang.intake.domain.DayKind;
import org.xinfang.intake.domain.LegalRules;
import org.xinfang.intake.domain.LegalStep;
import org.xinfang.intake.domain.TimeLimit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import org.xinfang.kit.store.IndexDeclaration;

/** The districts' legal rules, one document per district and version, never changed once written. */
public class LegalRulesStore implements IndexDeclaration {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final MongoCollection<Document> rules;

    public LegalRulesStore(MongoCollection<Document> rules) {
        this.rules = rules;
    }

    @Override
    public Mono<Void> ensureIndexes() {
        return Mono.from(rules.createIndex(Indexes.descending("district", "version"),
                new IndexOptions().unique(true).name("district_version"))).then();
    }

    /** Stores a new version; completes empty when another administrator stored the same version first. */
    public Mono<LegalRules> insert(LegalRules r) {
        return Mono.from(rules.insertOne(document(r))).thenReturn(r)
                .onErrorResume(e -> e instanceof MongoWriteException w
                        && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY, e -> Mono.empty())
                .transform(this::guarded);
    }

    public Mono<LegalRules> latest(String district) {
        return Mono.from(rules.find(new Document("district", district)).sort(new Document("version", -1)).first())
                .map(LegalRulesStore::rules)
                .transform(this::guarded);
    }

    public Flux<LegalRules> history(String district) {
        return Flux.from(rules.find(new Document("district", district)).sort(new Document("version", 1)))
                .map(LegalRulesStore::rules)
                .timeout(CALL_TIMEOUT)
                .onErrorMap(PetitionStore::unavailable, e -> new StoreUnavailableException("the store is unavailable", e));
    }

    private static Document document(LegalRules r) {
        Document limits = new Document();
        r.limits().forEach((step, limit) -> limits.append(step.name(),
                new Document("days", limit.days()).append("kind", limit.kind().name())));
        return new Document("district", r.district())
                .append("version", r.version())
                .append("zone", r.zone().getId())
                .append("limits", limits)
                .append("savedAt", PetitionDocuments.date(r.savedAt()))
                .append("savedBy", r.savedBy());
    }

    private static LegalRules rules(Document d) {
        Map<LegalStep, TimeLimit> limits = new EnumMap<>(LegalStep.class);
        Document stored = d.get("limits", Document.class);
        for (LegalStep step : LegalStep.values()) {
            Document l = stored.get(step.name(), Document.class);
            limits.put(step, new TimeLimit(l.getInteger("days"), DayKind.valueOf(l.getString("kind"))));
        }
        return new LegalRules(d.getString("district"), d.getInteger("version"), ZoneId.of(d.getString("zone")),
                limits, PetitionDocuments.instant(d.getDate("savedAt")), d.getString("savedBy"));
    }

    private <T> Mono<T> guarded(Mono<T> call) {
        return call.timeout(CALL_TIMEOUT)
                .onErrorMap(PetitionStore::unavailable, e -> new StoreUnavailableException("the store is unavailable", e));
    }
}
