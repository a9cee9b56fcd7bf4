package org.xinfang.reporting.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/** Turns refusals into {@code application/problem+json} with {@code errors: [{field, reason}]}; never a 500 for bad input. */
@RestControllerAdvice
// Ahead of Boot's own problem-details handler, which would answer bad parameters without naming the field.
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice {

    @ExceptionHandler(Problem.class)
    ResponseEntity<ProblemDetail> refused(Problem problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        if (!problem.errors().isEmpty()) {
            body.setProperty("errors", problem.errors());
        }
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        String field = e.getMethodParameter() == null ? "request" : String.valueOf(e.getMethodParameter().getParameterName());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getReason());
        body.setProperty("errors", java.util.List.of(java.util.Map.of("field", field, "reason", String.valueOf(e.getReason()))));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
