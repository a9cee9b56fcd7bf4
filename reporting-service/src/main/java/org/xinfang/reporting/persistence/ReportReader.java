package org.xinfang.reporting.persistence;

import com.mongodb.client.model.Filters;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.xinfang.reporting.domain.Grain;
import org.xinfang.reporting.domain.OpenPetition;
import org.xinfang.reporting.domain.Period;
import org.xinfang.reporting.domain.Tally;
import org.xinfang.reporting.domain.TallyKey;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Answers "the figures for this district (or school) from this day to that": the sum of the periods tiling the range. */
public final class ReportReader {

    private final Generation generation;

    public ReportReader(Generation generation) {
        this.generation = generation;
    }

    /** @param school a school, or {@link TallyKey#WHOLE_DISTRICT} */
    public Mono<Tally> read(String district, String school, LocalDate from, LocalDate to) {
        List<TallyKey> keys = Period.cover(from, to).stream().map(p -> new TallyKey(district, school, p)).toList();
        return ReportStores.of(generation, generation.current()).tallies().sum(keys);
    }

    /**
     * The districts with figures on any of these days (from their district-day tallies). A scan, not an index lookup:
     * the digest scheduler asks once per period, never a request.
     */
    public Mono<Set<String>> districtsWithFiguresOn(List<LocalDate> days) {
        long current = generation.current();
        return Flux.from(generation.tallies(current).find(Filters.and(
                        Filters.eq("school", TallyKey.WHOLE_DISTRICT),
                        Filters.eq("grain", Grain.DAY.name()),
                        Filters.in("start", days.stream().map(LocalDate::toString).toList())))
                        .projection(new Document("district", 1)))
                .map(d -> d.getString("district"))
                .collect(TreeSet::new, Set::add);
    }

    /** Whether reporting has heard of {@code school} in {@code district} (a receipt of it has been folded). */
    public Mono<Boolean> knowsSchool(String district, String school) {
        return ReportStores.of(generation, generation.current()).schools().knows(district, school);
    }

    /** The schools reporting has heard of in {@code district}: id to the name people know it by. */
    public Mono<java.util.Map<String, String>> schoolNames(String district) {
        return ReportStores.of(generation, generation.current()).schools().namesIn(district);
    }

    /** The district's petitions waiting on a deadline, earliest first; of one school if {@code school} is not null. */
    public Mono<List<OpenPetition>> waiting(String district, String school) {
        return ReportStores.of(generation, generation.current()).open().of(district)
                .map(all -> school == null ? all : all.stream().filter(p -> p.school().equals(school)).toList());
    }
}
