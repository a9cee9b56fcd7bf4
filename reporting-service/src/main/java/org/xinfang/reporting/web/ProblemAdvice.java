package org.xinfang.reporting.web;

import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
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

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /** Tells a caller when to come back while the store is away. */
    static final String RETRY_AFTER_SECONDS = "5";

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

    /**
     * The store is down, unreachable or too slow (no server selected in time, a socket that failed or stopped
     * answering, a query past its time limit): the request may succeed later, so 503, not a 500.
     */
    @ExceptionHandler({MongoTimeoutException.class, MongoSocketException.class, MongoExecutionTimeoutException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(RuntimeException e) {
        log.warn("answering 503: {}", e.toString());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The reporting store is unavailable. Retry after " + RETRY_AFTER_SECONDS + " s.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
