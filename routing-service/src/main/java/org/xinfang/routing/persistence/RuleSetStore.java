package org.xinfang.routing.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.routing.domain.Assignment;
import org.xinfang.routing.domain.DefaultRuleSet;
import org.xinfang.routing.domain.RuleScope;
import org.xinfang.routing.domain.RuleSet;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import org.xinfang.kit.store.IndexDeclaration;

/**
 * Rule sets as immutable versioned documents, one per (scope, version); the document id makes a version unique,
 * so two administrators saving at once cannot both create version n. Each version records who saved it, when, why
 * and what changed against the version before: the history of versions is the audit trail, written in the same
 * single-document write as the change itself.
 */
public final class RuleSetStore implements IndexDeclaration {

    static final String SCOPE = "scope";
    static final String DISTRICT = "district";
    static final String SCHOOL = "school";
    static final String VERSION = "version";
    static final String DEPARTMENTS = "departments";
    static final String ASSIGNMENTS = "assignments";
    static final String COORDINATOR = "coordinator";
    static final String SAVED_AT = "savedAt";
    static final String SAVED_BY = "savedBy";
    static final String SAVED_BY_NAME = "savedByName";
    static final String SAVED_BY_ROLE = "savedByRole";
    static final String COMMENT = "comment";
    static final String CHANGES = "changes";

    private final MongoCollection<Document> ruleSets;
    private final RuleSet fallback = DefaultRuleSet.create();
    private final Duration cacheFor;
    /** Effective rule sets by "district/school": read on every petition, changed a few times a year. */
    private final Map<String, Cached> effective = new ConcurrentHashMap<>();

    /**
     * @param cacheFor how long an effective rule set is reused before it is read again; a save on this instance
     *                 takes effect at once, a save on another instance within this time
     */
    public RuleSetStore(MongoCollection<Document> ruleSets, Duration cacheFor) {
        this.ruleSets = ruleSets;
        this.cacheFor = cacheFor;
    }

    private record Cached(RuleSet ruleSet, long readAtNanos) {
    }

    @Override
    public Mono<Void> ensureIndexes() {
        return Mono.from(ruleSets.createIndex(Indexes.compoundIndex(Indexes.ascending(SCOPE), Indexes.descending(VERSION)),
                new IndexOptions().name("by-scope"))).then();
    }

    /** The rule set that applies to a school: its own, else its district's, else the plan's default. */
    public Mono<RuleSet> effectiveFor(String district, String school) {
        String key = district + "/" + school;
        Cached cached = effective.get(key);
        if (cached != null && System.nanoTime() - cached.readAtNanos() < cacheFor.toNanos()) {
            return Mono.just(cached.ruleSet());
        }
        long readAt = System.nanoTime();
        return read(district, school).doOnNext(r -> effective.put(key, new Cached(r, readAt)));
    }

    private Mono<RuleSet> read(String district, String school) {
        Mono<RuleSet> own = school == null ? Mono.empty() : latest(RuleScope.school(district, school)).map(SavedRuleSet::ruleSet);
        return own.switchIfEmpty(Mono.defer(() -> latest(RuleScope.district(district)).map(SavedRuleSet::ruleSet)))
                .defaultIfEmpty(fallback);
    }

    public RuleSet defaultRuleSet() {
        return fallback;
    }

    public Mono<SavedRuleSet> latest(RuleScope scope) {
        return Mono.from(ruleSets.find(Filters.eq(SCOPE, scope.key())).sort(Sorts.descending(VERSION)).first())
                .map(RuleSetStore::read);
    }

    /** Every saved version of a scope, newest first: what changed, who changed it, when and why. */
    public Flux<SavedRuleSet> history(RuleScope scope) {
        return Flux.from(ruleSets.find(Filters.eq(SCOPE, scope.key())).sort(Sorts.descending(VERSION))).map(RuleSetStore::read);
    }

    /**
     * Saves a validated rule set as the next version of its scope. Answers empty when another save took that version
     * first (the caller reports a conflict rather than overwrite).
     */
    public Mono<SavedRuleSet> saveNext(RuleSet ruleSet, int expectedPrevious, Editor savedBy, String comment,
                                       List<String> changes, Instant at) {
        RuleSet versioned = ruleSet.withVersion(ruleSet.scope(), expectedPrevious + 1);
        SavedRuleSet saved = new SavedRuleSet(versioned, savedBy, at, comment, changes);
        return Mono.from(ruleSets.insertOne(write(saved)))
                .doOnSuccess(done -> effective.clear())
                .thenReturn(saved)
                .onErrorResume(e -> e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY,
                        e -> Mono.empty());
    }

    private static Document write(SavedRuleSet saved) {
        RuleSet r = saved.ruleSet();
        Document assignments = new Document();
        r.assignments().forEach((subject, a) -> assignments.append(subject.name(),
                new Document("department", a.department()).append("coDepartments", a.coDepartments())));
        return new Document("_id", r.scope().key() + "#" + r.version())
                .append(SCOPE, r.scope().key())
                .append(DISTRICT, r.scope().district())
                .append(SCHOOL, r.scope().school())
                .append(VERSION, r.version())
                .append(DEPARTMENTS, new ArrayList<>(r.departments()))
                .append(ASSIGNMENTS, assignments)
                .append(COORDINATOR, r.coordinator())
                .append(SAVED_AT, Date.from(saved.savedAt()))
                .append(SAVED_BY, saved.savedBy().subject())
                .append(SAVED_BY_NAME, saved.savedBy().name())
                .append(SAVED_BY_ROLE, saved.savedBy().role())
                .append(COMMENT, saved.comment())
                .append(CHANGES, saved.changes());
    }

    private static SavedRuleSet read(Document doc) {
        Map<Subject, Assignment> assignments = new EnumMap<>(Subject.class);
        Document stored = doc.get(ASSIGNMENTS, Document.class);
        for (Map.Entry<String, Object> e : stored.entrySet()) {
            Document a = (Document) e.getValue();
            assignments.put(Subject.valueOf(e.getKey()),
                    new Assignment(a.getString("department"), a.getList("coDepartments", String.class)));
        }
        RuleScope scope = new RuleScope(doc.getString(DISTRICT), doc.getString(SCHOOL));
        RuleSet ruleSet = new RuleSet(scope, doc.getInteger(VERSION), java.util.Set.copyOf(doc.getList(DEPARTMENTS, String.class)),
                assignments, doc.getString(COORDINATOR));
        Editor editor = new Editor(doc.getString(SAVED_BY), doc.getString(SAVED_BY_NAME), doc.getString(SAVED_BY_ROLE));
        return new SavedRuleSet(ruleSet, editor, doc.getDate(SAVED_AT).toInstant(), doc.getString(COMMENT),
                doc.getList(CHANGES, String.class));
    }

    /**
     * Who saved a version, as their verified token said: its subject, display name and the role that allowed the save.
     * Versions saved before tokens carry only a name in {@code subject}.
     */
    public record Editor(String subject, String name, String role) {
    }

    /** One saved version and its audit facts. */
    public record SavedRuleSet(RuleSet ruleSet, Editor savedBy, Instant savedAt, String comment, List<String> changes) {

        public SavedRuleSet {
            changes = changes == null ? List.of() : List.copyOf(changes);
        }
    }
}
