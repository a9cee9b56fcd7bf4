package org.xinfang.intake.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.xinfang.intake.domain.CalendarYear;
import org.xinfang.intake.domain.DayRange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import org.xinfang.kit.store.IndexDeclaration;

/**
 * The districts' calendars, one document per district, year and version, never changed once written: the latest
 * version of a year is the one in force, the earlier ones are its history and stay readable, because deadlines
 * name the version they were counted by.
 */
public class CalendarStore implements IndexDeclaration {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final MongoCollection<Document> calendars;

    public CalendarStore(MongoCollection<Document> calendars) {
        this.calendars = calendars;
    }

    @Override
    public Mono<Void> ensureIndexes() {
        return Mono.from(calendars.createIndex(Indexes.descending("district", "year", "version"),
                new IndexOptions().unique(true).name("district_year_version"))).then();
    }

    /** Stores a new version; completes empty when another administrator stored the same version first. */
    public Mono<CalendarYear> insert(CalendarYear c) {
        return Mono.from(calendars.insertOne(document(c))).thenReturn(c)
                .onErrorResume(e -> e instanceof MongoWriteException w
                        && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY, e -> Mono.empty())
                .transform(this::guarded);
    }

    public Mono<CalendarYear> latest(String district, int year) {
        return Mono.from(calendars.find(new Document("district", district).append("year", year))
                        .sort(new Document("version", -1)).first())
                .map(CalendarStore::calendar)
                .transform(this::guarded);
    }

    /** Every version of a district's year, oldest first. */
    public Flux<CalendarYear> history(String district, int year) {
        return Flux.from(calendars.find(new Document("district", district).append("year", year))
                        .sort(new Document("version", 1)))
                .map(CalendarStore::calendar)
                .timeout(CALL_TIMEOUT)
                .onErrorMap(PetitionStore::unavailable, e -> new StoreUnavailableException("the store is unavailable", e));
    }

    /** The latest version of each year the district has saved. */
    public Mono<List<CalendarYear>> inForce(String district) {
        return Flux.from(calendars.find(new Document("district", district)).sort(new Document("year", 1)
                        .append("version", -1)))
                .map(CalendarStore::calendar)
                .collectList()
                .map(all -> all.stream().filter(c -> all.stream()
                        .noneMatch(o -> o.year() == c.year() && o.version() > c.version())).toList())
                .transform(this::guarded);
    }

    private static Document document(CalendarYear c) {
        return new Document("district", c.district())
                .append("year", c.year())
                .append("version", c.version())
                .append("published", c.published())
                .append("source", c.source())
                .append("holidays", c.holidays().stream().map(CalendarStore::range).toList())
                .append("workingDays", c.workingDays().stream().map(CalendarStore::range).toList())
                .append("savedAt", PetitionDocuments.date(c.savedAt()))
                .append("savedBy", c.savedBy());
    }

    private static Document range(DayRange r) {
        return new Document("name", r.name()).append("from", r.from().toString()).append("to", r.to().toString());
    }

    private static CalendarYear calendar(Document d) {
        return new CalendarYear(d.getString("district"), d.getInteger("year"), d.getInteger("version"),
                d.getBoolean("published"), d.getString("source"), ranges(d.getList("holidays", Document.class)),
                ranges(d.getList("workingDays", Document.class)), PetitionDocuments.instant(d.getDate("savedAt")),
                d.getString("savedBy"));
    }

    private static List<DayRange> ranges(List<Document> docs) {
        return docs == null ? List.of() : docs.stream().map(r -> new DayRange(r.getString("name"),
                LocalDate.parse(r.getString("from")), LocalDate.parse(r.getString("to")))).toList();
    }

    private <T> Mono<T> guarded(Mono<T> call) {
        return call.timeout(CALL_TIMEOUT)
                .onErrorMap(PetitionStore::unavailable, e -> new StoreUnavailableException("the store is unavailable", e));
    }
}
