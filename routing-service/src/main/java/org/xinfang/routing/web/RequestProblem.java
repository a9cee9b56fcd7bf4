package org.xinfang.routing.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request the service refuses, with the HTTP status and, for invalid input, each field at fault and why. Rendered
 * as {@code application/problem+json} by {@link ProblemAdvice}.
 */
class RequestProblem extends RuntimeException {

    private final HttpStatus status;
    private final List<FieldProblem> errors;

    RequestProblem(HttpStatus status, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    static RequestProblem invalid(List<FieldProblem> errors) {
        return new RequestProblem(HttpStatus.BAD_REQUEST, "the request is invalid", errors);
    }

    static RequestProblem invalid(String field, String reason) {
        return invalid(List.of(new FieldProblem(field, reason)));
    }

    static RequestProblem notFound(String detail) {
        return new RequestProblem(HttpStatus.NOT_FOUND, detail, List.of());
    }

    static RequestProblem forbidden(String detail) {
        return new RequestProblem(HttpStatus.FORBIDDEN, detail, List.of());
    }

    static RequestProblem conflict(String detail) {
        return new RequestProblem(HttpStatus.CONFLICT, detail, List.of());
    }

    HttpStatus status() {
        return status;
    }

    List<FieldProblem> errors() {
        return errors;
    }

    record FieldProblem(String field, String reason) {
    }
}
