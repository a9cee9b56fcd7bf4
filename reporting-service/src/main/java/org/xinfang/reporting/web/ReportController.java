package org.xinfang.reporting.web;

import org.xinfang.kit.web.ApiProblem;
import java.time.Clock;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.contracts.access.Caller;
import org.xinfang.reporting.domain.ReportingPolicy;
import org.xinfang.reporting.domain.Tally;
import org.xinfang.reporting.domain.TallyKey;
import org.xinfang.reporting.persistence.ReportReader;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The figures for a district (the bureau) or one school (the school itself), for the district's today or a range of
 * its days. Who may ask is decided by {@link ReportAccess} from the token; another district or school is told there is no such report.
 */
@RestController
class ReportController {

    private final ReportReader reader;
    private final Clock clock;
    private final ReportingPolicy policy;

    ReportController(ReportReader reader, Clock clock, ReportingPolicy policy) {
        this.reader = reader;
        this.clock = clock;
        this.policy = policy;
    }

    /** JSON, or with {@code Accept: text/csv} the same figures as a table in Chinese ({@link ReportTables#report}). */
    @GetMapping("/api/v1/reports/districts/{district}")
    Mono<ResponseEntity<Object>> district(@PathVariable String district, Caller caller,
                                          @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                          @RequestParam(required = false) List<String> groupBy, ServerWebExchange exchange) {
        ReportAccess.districtFigures(caller, district);
        DayRange range = DayRange.of(from, to, policy.dayOf(clock.instant()));
        List<String> dimensions = dimensions(groupBy);
        return answer(exchange, district, reader.read(district, TallyKey.WHOLE_DISTRICT, range.from(), range.to())
                .map(t -> ReportView.of(district, null, range.from(), range.to(), t).onlyBy(dimensions)));
    }

    @GetMapping("/api/v1/reports/schools/{school}")
    Mono<ResponseEntity<Object>> school(@PathVariable String school, Caller caller,
                                        @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                        @RequestParam(required = false) List<String> groupBy, ServerWebExchange exchange) {
        Mono<String> scope = SchoolScope.districtOf(caller, school, reader);
        DayRange range = DayRange.of(from, to, policy.dayOf(clock.instant()));
        List<String> dimensions = dimensions(groupBy);
        return scope.flatMap(district -> answer(exchange, district, reader.read(district, school, range.from(), range.to())
                .map(t -> ReportView.of(district, school, range.from(), range.to(), t).onlyBy(dimensions))));
    }

    private Mono<ResponseEntity<Object>> answer(ServerWebExchange exchange, String district, Mono<ReportView> report) {
        if (!CsvNegotiation.wanted(exchange)) {
            return report.map(r -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(r));
        }
        return report.zipWith(reader.schoolNames(district)).map(both -> {
            ReportView r = both.getT1();
            String name = (r.school() == null ? r.district() : r.school()) + "-" + r.from() + "-" + r.to() + ".csv";
            return ReportTables.report(r, both.getT2()).answer(name);
        });
    }

    /** {@code groupBy=school,subject} keeps only those dimensions' counts; absent means all. */
    private static List<String> dimensions(List<String> groupBy) {
        if (groupBy == null || groupBy.isEmpty()) {
            return Tally.DIMENSIONS;
        }
        for (String dimension : groupBy) {
            if (!Tally.DIMENSIONS.contains(dimension)) {
                throw ApiProblem.invalid("groupBy", "unknown dimension '" + dimension + "'; one of " + Tally.DIMENSIONS);
            }
        }
        return groupBy;
    }
}
