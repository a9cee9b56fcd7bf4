package org.xinfang.reporting.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A request the service refuses, with the field and reason, answered as {@code application/problem+json}. */
final class Problem extends RuntimeException {

    private final HttpStatus status;
    private final List<Map<String, String>> errors;

    private Problem(HttpStatus status, String detail, List<Map<String, String>> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = errors;
    }

    static Problem invalid(String field, String reason) {
        return new Problem(HttpStatus.BAD_REQUEST, field + ": " + reason, List.of(Map.of("field", field, "reason", reason)));
    }

    /** Another tenant's figures are answered as absent, so their existence is not disclosed. */
    static Problem notFound(String detail) {
        return new Problem(HttpStatus.NOT_FOUND, detail, List.of());
    }

    /** The caller's role may not use this family of requests at all (docs/access.md). */
    static Problem forbidden(String detail) {
        return new Problem(HttpStatus.FORBIDDEN, detail, List.of());
    }

    static Problem conflict(String detail) {
        return new Problem(HttpStatus.CONFLICT, detail, List.of());
    }

    HttpStatus status() {
        return status;
    }

    List<Map<String, String>> errors() {
        return errors;
    }
}
