package org.xinfang.intake.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.xinfang.intake.domain.Action;
import org.xinfang.intake.domain.FieldError;
import org.xinfang.intake.domain.ForbiddenActionException;
import org.xinfang.intake.domain.IllegalTransitionException;
import org.xinfang.intake.domain.RuleViolationException;
import org.xinfang.intake.domain.InvalidPetitionException;
import org.xinfang.intake.messaging.ConcurrentChangeException;
import org.xinfang.intake.persistence.StoreUnavailableException;

/**
 * Every error as {@code application/problem+json}; validation errors list each field and its reason. The framework's
 * own errors (415, 405, 413 …) come from the base class in the same form. A 500 is a bug and is logged as one.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(InvalidPetitionException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidPetitionException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request is invalid",
                e.errors().size() + " field(s) are invalid");
        problem.setProperty("errors", fieldErrors(e.errors()));
        return answer(problem);
    }

    @ExceptionHandler(PetitionNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(PetitionNotFoundException e) {
        return answer(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(RoleNotAllowedException.class)
    ResponseEntity<ProblemDetail> roleNotAllowed(RoleNotAllowedException e) {
        return answer(problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage()));
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ResponseEntity<ProblemDetail> idempotencyConflict(IdempotencyConflictException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                "Idempotency-Key reused with another body", e.getMessage());
        problem.setProperty("errors", fieldErrors(List.of(new FieldError("Idempotency-Key", e.getMessage()))));
        return answer(problem);
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ProblemDetail> illegalTransition(IllegalTransitionException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "illegal-transition", "Not allowed in this state",
                e.getMessage());
        problem.setProperty("state", e.state().name());
        problem.setProperty("allowedActions", e.allowed().stream().map(Action::pathName).toList());
        return answer(problem);
    }

    @ExceptionHandler(ForbiddenActionException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenActionException e) {
        return answer(problem(HttpStatus.FORBIDDEN, "forbidden-action", "Not allowed for this role", e.getMessage()));
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> ruleViolated(RuleViolationException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violated", "A legal rule forbids this",
                e.getMessage());
        problem.setProperty("errors", fieldErrors(List.of(new FieldError(e.field(), e.getMessage()))));
        return answer(problem);
    }

    @ExceptionHandler(ConcurrentChangeException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrentChangeException e) {
        return answer(problem(HttpStatus.CONFLICT, "concurrent-change", "The petition changed meanwhile; try again",
                e.getMessage()));
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<ProblemDetail> storeDown(StoreUnavailableException e) {
        log.warn("answering 503: {}", e.getCause() == null ? e.getMessage() : e.getCause().toString());
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                "The petition store is unavailable", "Nothing was stored. Retry after " + RETRY_AFTER_SECONDS + " s.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> bug(Exception e) {
        log.error("unexpected failure", e);
        return answer(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The failure was logged with this request's X-Request-Id."));
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://xinfang.example/problems/" + type));
        problem.setTitle(title);
        return problem;
    }

    static List<Map<String, String>> fieldErrors(List<FieldError> errors) {
        return errors.stream().map(e -> Map.of("field", e.field(), "reason", e.reason())).toList();
    }

    static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
