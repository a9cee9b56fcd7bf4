package org.xinfang.intake.web;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import org.xinfang.intake.domain.Action;
import org.xinfang.intake.domain.FieldError;
import org.xinfang.intake.domain.EvaluationRefusedException;
import org.xinfang.intake.domain.ForbiddenActionException;
import org.xinfang.intake.domain.IllegalTransitionException;
import org.xinfang.intake.domain.ClosedPetitionException;
import org.xinfang.intake.domain.InvalidPetitionException;
import org.xinfang.intake.domain.InvalidSettingsException;
import org.xinfang.intake.domain.RuleViolationException;
import org.xinfang.intake.messaging.ConcurrentChangeException;
import org.xinfang.intake.persistence.StoreUnavailableException;
import org.xinfang.kit.web.FieldReason;
import org.xinfang.kit.web.ProblemAdvice;
import org.xinfang.kit.web.ProblemType;
import org.xinfang.kit.web.ProblemWriter;

/**
 * Intake's own refusals, in the kit's problem shape: the petition's rules and life cycle. Asked before the kit's
 * {@link ProblemAdvice}, which answers everything else (unreadable input, 413, the framework's refusals, 500).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(InvalidPetitionException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidPetitionException e, ServerWebExchange exchange) {
        return answer(exchange, HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST,
                e.errors().size() + " field(s) are invalid", fieldErrors(e.errors()), Map.of());
    }

    @ExceptionHandler(InvalidSettingsException.class)
    ResponseEntity<ProblemDetail> invalidSettings(InvalidSettingsException e, ServerWebExchange exchange) {
        return answer(exchange, HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST,
                e.errors().size() + " field(s) are invalid; nothing was stored", fieldErrors(e.errors()), Map.of());
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ResponseEntity<ProblemDetail> idempotencyConflict(IdempotencyConflictException e, ServerWebExchange exchange) {
        return answer(exchange, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", e.getMessage(),
                fieldErrors(List.of(new FieldError("Idempotency-Key", e.getMessage()))), Map.of());
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ProblemDetail> illegalTransition(IllegalTransitionException e, ServerWebExchange exchange) {
        return answer(exchange, HttpStatus.CONFLICT, "illegal-transition", e.getMessage(), List.of(),
                Map.of("state", e.state().name(), "allowedActions", e.allowed().stream().map(Action::pathName).toList()));
    }

    @ExceptionHandler(ClosedPetitionException.class)
    ResponseEntity<ProblemDetail> closed(ClosedPetitionException e, ServerWebExchange exchange) {
        return answer(exchange, HttpStatus.CONFLICT, ProblemType.CONFLICT, e.getMessage(), List.of(),
                Map.of("state", e.state().name()));
    }

    @ExceptionHandler(ForbiddenActionException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenActionException e, ServerWebExchange exchange) {
        return answer(exchange, HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, e.getMessage(), List.of(), Map.of());
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> ruleViolated(RuleViolationException e, ServerWebExchange exchange) {
        return answer(exchange, HttpStatus.UNPROCESSABLE_CONTENT, "rule-violated", e.getMessage(),
                fieldErrors(List.of(new FieldError(e.field(), e.getMessage()))), Map.of());
    }

    @ExceptionHandler(ConcurrentChangeException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrentChangeException e, ServerWebExchange exchange) {
        return answer(exchange, HttpStatus.CONFLICT, "concurrent-change",
                "The petition changed meanwhile; try again. " + e.getMessage(), List.of(), Map.of());
    }

    @ExceptionHandler(EvaluationRefusedException.class)
    ResponseEntity<ProblemDetail> evaluationRefused(EvaluationRefusedException e, ServerWebExchange exchange) {
        return answer(exchange, HttpStatus.CONFLICT, ProblemType.CONFLICT, e.getMessage(), List.of(), Map.of());
    }

    @ExceptionHandler(TooManyAttemptsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyAttemptsException e, ServerWebExchange exchange) {
        ResponseEntity<ProblemDetail> answer = answer(exchange, HttpStatus.TOO_MANY_REQUESTS,
                ProblemType.TOO_MANY_REQUESTS, e.getMessage(), List.of(), Map.of());
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(answer.getBody());
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<ProblemDetail> storeDown(StoreUnavailableException e, ServerWebExchange exchange) {
        log.warn("answering 503: {}", e.getCause() == null ? e.getMessage() : e.getCause().toString());
        ResponseEntity<ProblemDetail> answer = answer(exchange, HttpStatus.SERVICE_UNAVAILABLE, ProblemType.UNAVAILABLE,
                "The petition store is unavailable. Nothing was stored. Retry after "
                        + ProblemWriter.RETRY_AFTER_SECONDS + " s.", List.of(), Map.of());
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, ProblemWriter.RETRY_AFTER_SECONDS).body(answer.getBody());
    }

    private static List<FieldReason> fieldErrors(List<FieldError> errors) {
        return errors.stream().map(e -> new FieldReason(e.field(), e.reason())).toList();
    }

    private static ResponseEntity<ProblemDetail> answer(ServerWebExchange exchange, HttpStatus status, String type,
            String detail, List<FieldReason> errors, Map<String, Object> properties) {
        return ProblemAdvice.answer(exchange, status, type, detail, errors, properties);
    }
}
