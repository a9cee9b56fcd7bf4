package org.xinfang.reporting.web;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.reporting.domain.TallyKey;
import org.xinfang.reporting.persistence.ReportReader;
import reactor.core.publisher.Mono;

/**
 * The figures for a district (the bureau) or one school (the school itself), for today in UTC or a range of days.
 * A caller asking for another district or school is told there is no such report.
 */
@RestController
class ReportController {

    private final ReportReader reader;
    private final Clock clock;

    ReportController(ReportReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    @GetMapping("/api/v1/reports/districts/{district}")
    Mono<ReportView> district(@PathVariable String district,
                              @RequestHeader(name = "X-District", required = false) String callerDistrict,
                              @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Tenancy.mustBe("X-District", callerDistrict, district);
        Tenancy.Range range = Tenancy.range(from, to, LocalDate.now(clock));
        return reader.read(district, TallyKey.WHOLE_DISTRICT, range.from(), range.to())
                .map(t -> ReportView.of(district, null, range.from(), range.to(), t));
    }

    @GetMapping("/api/v1/reports/schools/{school}")
    Mono<ReportView> school(@PathVariable String school,
                            @RequestHeader(name = "X-District", required = false) String callerDistrict,
                            @RequestHeader(name = "X-School", required = false) String callerSchool,
                            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        String district = Tenancy.required("X-District", callerDistrict);
        Tenancy.mustBe("X-School", callerSchool, school);
        Tenancy.Range range = Tenancy.range(from, to, LocalDate.now(clock));
        return reader.read(district, school, range.from(), range.to())
                .map(t -> ReportView.of(district, school, range.from(), range.to(), t));
    }
}
