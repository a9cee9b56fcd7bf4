package org.xinfang.intake.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.xinfang.intake.domain.CalendarYear;
import org.xinfang.intake.domain.LegalClock;
import org.xinfang.intake.domain.LegalRules;
import org.xinfang.intake.domain.WorkingCalendar;
import reactor.core.publisher.Mono;

/**
 * The legal clock of each district: its latest rules (else the configured defaults) and, for each year, its own
 * latest calendar, else the national calendar the repository ships, else an empty year that says it is not
 * published. A clock is kept for a short while, because every registration needs one; a change saved on this
 * instance applies at once, one saved on another within {@link #KEPT_FOR}.
 */
public class LegalTimes {

    static final Duration KEPT_FOR = Duration.ofSeconds(30);

    private final LegalRulesStore rules;
    private final CalendarStore calendars;
    private final LegalRules defaults;
    private final Map<Integer, CalendarYear> national;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    public LegalTimes(LegalRulesStore rules, CalendarStore calendars, LegalRules defaults,
                      List<CalendarYear> national, Clock clock) {
        this.rules = rules;
        this.calendars = calendars;
        this.defaults = defaults;
        this.national = new TreeMap<>();
        national.forEach(c -> this.national.put(c.year(), c));
        this.clock = clock;
    }

    public Mono<LegalClock> clockOf(String district) {
        Kept k = kept.get(district);
        Instant now = clock.instant();
        if (k != null && now.isBefore(k.until())) {
            return Mono.just(k.clock());
        }
        return Mono.zip(rulesOf(district), calendars.inForce(district))
                .map(t -> new LegalClock(t.getT1(), new WorkingCalendar(district, merged(t.getT2()))))
                .doOnNext(c -> kept.put(district, new Kept(c, now.plus(KEPT_FOR))));
    }

    public Mono<LegalRules> rulesOf(String district) {
        return rules.latest(district).defaultIfEmpty(defaults);
    }

    public LegalRules defaults() {
        return defaults;
    }

    /** The calendar in force for a district's year: its own, the national one, or an empty year saying so. */
    public Mono<CalendarYear> calendarOf(String district, int year) {
        return calendars.latest(district, year)
                .switchIfEmpty(Mono.fromSupplier(() -> nationalOf(year)));
    }

    public CalendarYear nationalOf(int year) {
        CalendarYear c = national.get(year);
        return c != null ? c : CalendarYear.notPublished(null, year);
    }

    /** After a save on this instance: the next deadline counts by what was saved. */
    public void forget(String district) {
        kept.remove(district);
    }

    private List<CalendarYear> merged(List<CalendarYear> own) {
        Map<Integer, CalendarYear> years = new TreeMap<>(national);
        own.forEach(c -> years.put(c.year(), c));
        return new ArrayList<>(years.values());
    }

    private record Kept(LegalClock clock, Instant until) {
    }
}
