package org.xinfang.reporting.web;

import org.xinfang.contracts.access.Caller;
import org.xinfang.reporting.persistence.ReportReader;
import reactor.core.publisher.Mono;

/**
 * The district a school's figures are read in, once the caller may read them. A school's own clerk and leadership
 * group are vouched for by their token, even before the school's first petition. The bureau names a school: it must
 * be one reporting has heard of in the bureau's district, or the answer is 404 exactly as for another school's clerk,
 * so a school of another district (or of none) cannot be told apart from one that does not exist.
 */
final class SchoolScope {

    private SchoolScope() {
    }

    static Mono<String> districtOf(Caller caller, String school, ReportReader reader) {
        String district = ReportAccess.schoolFigures(caller, school);
        if (caller.school().map(school::equals).orElse(false)) {
            return Mono.just(district);
        }
        return reader.knowsSchool(district, school).flatMap(known -> known ? Mono.just(district)
                : Mono.error(ReportAccess.noSuchSchool(school)));
    }
}
