package org.xinfang.routing.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;

/** The district and school of a request, from the headers the gateway sets; a request without them is refused. */
record Tenant(String district, String school) {

    static final String DISTRICT = "X-District";
    static final String SCHOOL = "X-School";
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Both headers, as every petition-scoped request needs. */
    static Tenant of(HttpHeaders headers) {
        List<RequestProblem.FieldProblem> problems = new ArrayList<>();
        String district = header(headers, DISTRICT, problems);
        String school = header(headers, SCHOOL, problems);
        if (!problems.isEmpty()) {
            throw RequestProblem.invalid(problems);
        }
        return new Tenant(district, school);
    }

    /** The district alone, for district-wide administration; the school header is optional there. */
    static Tenant districtOf(HttpHeaders headers) {
        List<RequestProblem.FieldProblem> problems = new ArrayList<>();
        String district = header(headers, DISTRICT, problems);
        if (!problems.isEmpty()) {
            throw RequestProblem.invalid(problems);
        }
        String school = headers.getFirst(SCHOOL);
        return new Tenant(district, school != null && CODE.matcher(school).matches() ? school : null);
    }

    private static String header(HttpHeaders headers, String name, List<RequestProblem.FieldProblem> problems) {
        String value = headers.getFirst(name);
        if (value == null || value.isBlank()) {
            problems.add(new RequestProblem.FieldProblem(name, "header is required"));
        } else if (!CODE.matcher(value).matches()) {
            problems.add(new RequestProblem.FieldProblem(name, "must be 1-64 letters, digits, '.', '_' or '-'"));
        }
        return value;
    }
}
