package org.xinfang.reporting.web;

import org.xinfang.kit.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.contracts.access.Caller;
import org.xinfang.reporting.domain.Grain;
import org.xinfang.reporting.domain.OpenPetition;
import org.xinfang.reporting.domain.ReportingPolicy;
import org.xinfang.reporting.domain.Tally;
import org.xinfang.reporting.domain.TallyKey;
import org.xinfang.reporting.persistence.ReportReader;
import reactor.core.publisher.Flux;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The bureau's (and a school's own) questions beyond the summary: the top N values of a dimension, the petitions
 * past a legal deadline (ids and departments only), and figures per period as CSV.
 */
@RestController
class QueryController {

    private static final int MAX_TOP = 100;
    private static final int MAX_ROWS = 400;

    private final ReportReader reader;
    private final Clock clock;
    private final ReportingPolicy policy;

    QueryController(ReportReader reader, Clock clock, ReportingPolicy policy) {
        this.reader = reader;
        this.clock = clock;
        this.policy = policy;
    }

    record Ranked(String value, long count) {
    }

    record TopView(String district, String school, String dimension, LocalDate from, LocalDate to, List<Ranked> top) {
    }

    record OverdueView(String district, String school, Instant asOf, List<Overdue> petitions) {
    }

    /** {@code number}: the petition number people say, null for a petition of an older intake. */
    record Overdue(String petitionId, String number, String school, String department, String stage, Instant dueBy,
                   long daysOverdue) {
    }

    /** JSON, or with {@code Accept: text/csv} the ranking as a table in Chinese. */
    @GetMapping("/api/v1/reports/districts/{district}/top")
    Mono<ResponseEntity<Object>> top(@PathVariable String district, Caller caller,
                                     @RequestParam(defaultValue = "school") String dimension,
                                     @RequestParam(defaultValue = "10") int n, @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to, ServerWebExchange exchange) {
        ReportAccess.districtFigures(caller, district);
        if (!Tally.DIMENSIONS.contains(dimension)) {
            throw ApiProblem.invalid("dimension", "one of " + Tally.DIMENSIONS);
        }
        if (n < 1 || n > MAX_TOP) {
            throw ApiProblem.invalid("n", "between 1 and " + MAX_TOP);
        }
        DayRange range = DayRange.of(from, to, policy.dayOf(clock.instant()));
        Mono<TopView> answer = reader.read(district, TallyKey.WHOLE_DISTRICT, range.from(), range.to()).map(tally -> {
            List<Ranked> ranked = tally.counts().getOrDefault(dimension, Map.of()).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(n).map(e -> new Ranked(e.getKey(), e.getValue())).toList();
            return new TopView(district, null, dimension, range.from(), range.to(), ranked);
        });
        return negotiated(exchange, district, answer, (top, names) -> ReportTables.top(top, names)
                .answer(district + "-top-" + dimension + "-" + top.from() + "-" + top.to() + ".csv"));
    }

    /** The district's overdue petitions, JSON, or with {@code Accept: text/csv} a table in Chinese with local times. */
    @GetMapping("/api/v1/reports/districts/{district}/overdue")
    Mono<ResponseEntity<Object>> districtOverdue(@PathVariable String district, Caller caller, ServerWebExchange exchange) {
        ReportAccess.districtFigures(caller, district);
        return overdueAnswer(exchange, district, overdue(district, null), district);
    }

    @GetMapping("/api/v1/reports/schools/{school}/overdue")
    Mono<ResponseEntity<Object>> schoolOverdue(@PathVariable String school, Caller caller, ServerWebExchange exchange) {
        return SchoolScope.districtOf(caller, school, reader)
                .flatMap(district -> overdueAnswer(exchange, district, overdue(district, school), school));
    }

    /**
     * The schools of the district reporting has heard of, with the names people know them by: the bureau's page
     * names schools with these, never with ids.
     */
    @GetMapping("/api/v1/reports/districts/{district}/schools")
    Mono<SchoolsView> schools(@PathVariable String district, Caller caller) {
        ReportAccess.districtFigures(caller, district);
        return reader.schoolNames(district).map(names -> new SchoolsView(district, names.entrySet().stream()
                .map(e -> new School(e.getKey(), e.getValue())).toList()));
    }

    record SchoolsView(String district, List<School> schools) {
    }

    record School(String school, String name) {
    }

    private Mono<ResponseEntity<Object>> overdueAnswer(ServerWebExchange exchange, String district, Mono<OverdueView> answer,
                                                       String scope) {
        return negotiated(exchange, district, answer, (view, names) -> ReportTables.overdue(view, names, policy.zone())
                .answer(scope + "-overdue-" + policy.dayOf(view.asOf()) + ".csv"));
    }

    private <T> Mono<ResponseEntity<Object>> negotiated(ServerWebExchange exchange, String district, Mono<T> answer,
                                                        java.util.function.BiFunction<T, Map<String, String>, ResponseEntity<Object>> csv) {
        if (!CsvNegotiation.wanted(exchange)) {
            return answer.map(a -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(a));
        }
        return answer.zipWith(reader.schoolNames(district)).map(both -> csv.apply(both.getT1(), both.getT2()));
    }

    private Mono<OverdueView> overdue(String district, String school) {
        Instant now = clock.instant();
        return reader.waiting(district, school).map(waiting -> new OverdueView(district, school, now, waiting.stream()
                .filter(p -> p.overdueAt(now))
                .sorted(Comparator.comparing(OpenPetition::dueBy))
                .map(p -> new Overdue(p.petitionId(), p.number(), p.school(), p.department(), p.stage(), p.dueBy(), p.daysOverdueAt(now)))
                .toList()));
    }

    /** One row per day, week or month of the range (the first and last clipped to it), totals and timings as columns. */
    @GetMapping(path = "/api/v1/reports/districts/{district}/export.csv")
    Mono<ResponseEntity<String>> csv(@PathVariable String district, Caller caller,
                                     @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                     @RequestParam(defaultValue = "DAY") String grain) {
        ReportAccess.districtFigures(caller, district);
        DayRange range = DayRange.of(from, to, policy.dayOf(clock.instant()));
        Grain rowGrain = grain(grain);
        List<LocalDate[]> rows = new ArrayList<>();
        for (LocalDate start = rowGrain.startOf(range.from()); !start.isAfter(range.to()); start = rowGrain.endFrom(start).plusDays(1)) {
            LocalDate rowFrom = start.isBefore(range.from()) ? range.from() : start;
            LocalDate end = rowGrain.endFrom(start);
            rows.add(new LocalDate[] {rowFrom, end.isAfter(range.to()) ? range.to() : end});
        }
        if (rows.size() > MAX_ROWS) {
            throw ApiProblem.invalid("grain", "more than " + MAX_ROWS + " rows; choose a coarser grain or a shorter range");
        }
        return Flux.fromIterable(rows)
                .concatMap(r -> reader.read(district, TallyKey.WHOLE_DISTRICT, r[0], r[1]).map(t -> csvRow(r, t)))
                .collectList()
                .map(lines -> {
                    StringBuilder csv = new StringBuilder(csvHeader());
                    lines.forEach(csv::append);
                    return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                            .header("Content-Disposition", "attachment; filename=\"" + district + "-" + range.from() + "-"
                                    + range.to() + ".csv\"")
                            .body(csv.toString());
                });
    }

    private static Grain grain(String value) {
        try {
            Grain g = Grain.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            if (g == Grain.YEAR || g == Grain.DAY || g == Grain.WEEK || g == Grain.MONTH) {
                return g;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ApiProblem.invalid("grain", "one of DAY, WEEK, MONTH, YEAR");
    }

    private static String csvHeader() {
        return "from,to," + String.join(",", Tally.TOTALS)
                + ",hoursToAcceptP50,hoursToAcceptP90,hoursToResolveP50,hoursToResolveP90\n";
    }

    private static String csvRow(LocalDate[] range, Tally tally) {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put("from", range[0]);
        cells.put("to", range[1]);
        Tally.TOTALS.forEach(t -> cells.put(t, tally.total(t)));
        cells.put("a50", blankIfNull(Tally.percentile(tally.hoursToAccept(), 50)));
        cells.put("a90", blankIfNull(Tally.percentile(tally.hoursToAccept(), 90)));
        cells.put("r50", blankIfNull(Tally.percentile(tally.hoursToResolve(), 50)));
        cells.put("r90", blankIfNull(Tally.percentile(tally.hoursToResolve(), 90)));
        return String.join(",", cells.values().stream().map(String::valueOf).toList()) + "\n";
    }

    private static String blankIfNull(Long value) {
        return value == null ? "" : value.toString();
    }
}
