package org.xinfang.notification.web;

import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every refusal as application/problem+json; validation problems list {field, reason}. */
@RestControllerAdvice
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /** How long a caller should wait before asking again when the store is away. */
    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        return validation(e.field(), e.reason());
    }

    @ExceptionHandler(MissingRequestValueException.class)
    ResponseEntity<ProblemDetail> missing(MissingRequestValueException e) {
        return validation(e.getName(), "is required");
    }

    @ExceptionHandler(WebExchangeBindException.class)
    ResponseEntity<ProblemDetail> binding(WebExchangeBindException e) {
        List<Map<String, String>> errors = e.getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "reason", String.valueOf(f.getDefaultMessage()))).toList();
        return problem(HttpStatus.BAD_REQUEST, "invalid request", errors);
    }

    /**
     * A body that cannot be read: not JSON, not UTF-8, an object or array where a text is expected (a Mongo operator
     * such as {"$gt": ""}), or a field this API does not know (keys such as "$where" or "a.b"). Names the field.
     */
    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return validation(unknown.getPropertyName(), "is not a field of this request");
            }
            if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                String path = mismatch.getPath().stream()
                        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()))
                        .reduce((a, b) -> a + "." + b).orElse("body");
                return validation(path, "has the wrong type: a plain value is expected");
            }
            if (cause instanceof JacksonException) {
                return validation("body", "is not well-formed UTF-8 JSON");
            }
        }
        String field = e.getMethodParameter() == null ? "body" : String.valueOf(e.getMethodParameter().getParameterName());
        return validation(field, e.getReason() == null ? "cannot be read" : e.getReason());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), null);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), null);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage(), null);
    }

    /**
     * The store is down, unreachable or too slow (no server selected in time, a socket that failed or stopped
     * answering, a query past its limit): nothing is wrong with the request and it may succeed later, so 503 with
     * Retry-After, not a 500. Alerts already raised keep being delivered from the broker's side once the store is back.
     */
    @ExceptionHandler({MongoTimeoutException.class, MongoSocketException.class, MongoExecutionTimeoutException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(RuntimeException e) {
        log.warn("answering 503: {}", e.toString());
        ResponseEntity<ProblemDetail> problem = problem(HttpStatus.SERVICE_UNAVAILABLE,
                "The notification store is unavailable. Retry after " + RETRY_AFTER_SECONDS + " s.", null);
        return ResponseEntity.status(problem.getStatusCode()).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem.getBody());
    }

    private static ResponseEntity<ProblemDetail> validation(String field, String reason) {
        return problem(HttpStatus.BAD_REQUEST, "invalid request", List.of(Map.of("field", field, "reason", reason)));
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<Map<String, String>> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("about:blank"));
        if (errors != null) {
            body.setProperty("errors", errors);
        }
        log.debug("{} {}", status.value(), detail);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
