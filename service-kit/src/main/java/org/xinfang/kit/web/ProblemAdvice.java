package org.xinfang.kit.web;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error a handler meets, as {@code application/problem+json} ({@link ProblemDocument}): a service's own
 * refusals ({@link ApiProblem}), unreadable or invalid input (naming the field, never echoing a parser's message with
 * class names in it), bodies over the codec's limit (413), the framework's own refusals (405, 406, 415 …), and an
 * unexpected failure: 500 with the request id, logged with its stack trace, never sending one; a caller that closed
 * the connection before its answer is no failure of ours (499, one line at info). Ordered last, so that a
 * service's advice for its own domain exceptions is asked first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final HttpStatusCode CALLER_WENT_AWAY = HttpStatusCode.valueOf(499);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> refused(ApiProblem problem, ServerWebExchange exchange) {
        return answer(exchange, problem.status(), problem.type(), problem.getMessage(), problem.errors(),
                problem.properties());
    }

    @ExceptionHandler(WebExchangeBindException.class)
    ResponseEntity<ProblemDetail> binding(WebExchangeBindException e, ServerWebExchange exchange) {
        List<FieldReason> errors = e.getFieldErrors().stream()
                .map(f -> new FieldReason(f.getField(), String.valueOf(f.getDefaultMessage()))).toList();
        return invalid(exchange, errors);
    }

    @ExceptionHandler(MissingRequestValueException.class)
    ResponseEntity<ProblemDetail> missing(MissingRequestValueException e, ServerWebExchange exchange) {
        return invalid(exchange, List.of(new FieldReason(e.getName(), "is required")));
    }

    /**
     * A body or parameter that cannot be read: not JSON, not UTF-8, a value of the wrong type (an object where a text
     * is expected, such as a Mongo operator {@code {"$gt": ""}}), or a field the API does not know.
     */
    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e, ServerWebExchange exchange) {
        // The decoder wraps the parser's failure: the innermost cause that names a field wins.
        boolean unparsable = false;
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof DataBufferLimitException) {
                return tooLarge(exchange);
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return invalid(exchange, List.of(new FieldReason(unknown.getPropertyName(),
                        "is not a field of this request")));
            }
            if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                return invalid(exchange, List.of(new FieldReason(pathOf(mismatch), "has the wrong type or format")));
            }
            unparsable |= cause instanceof JacksonException || cause instanceof DecodingException;
        }
        if (unparsable) {
            return invalid(exchange, List.of(new FieldReason("body", "is not well-formed UTF-8 JSON")));
        }
        String field = e.getMethodParameter() == null || e.getMethodParameter().getParameterName() == null ? "body"
                : e.getMethodParameter().getParameterName();
        return invalid(exchange, List.of(new FieldReason(field, e.getReason() == null ? "cannot be read" : e.getReason())));
    }

    /** A body past the codec's limit (spring.codec.max-in-memory-size), refused before it is parsed. */
    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ProblemDetail> tooLarge(DataBufferLimitException e, ServerWebExchange exchange) {
        return tooLarge(exchange);
    }

    /** The framework's own refusals: a method, media type or representation the endpoint does not offer. */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> framework(ResponseStatusException e, ServerWebExchange exchange) {
        HttpStatusCode status = e.getStatusCode();
        if (status.is5xxServerError()) {
            return unexpected(e, exchange);
        }
        return answer(exchange, status, ProblemType.forStatus(status), e.getReason() != null ? e.getReason()
                : HttpStatus.valueOf(status.value()).getReasonPhrase(), List.of(), Map.of());
    }

    /**
     * The caller closed the connection before its answer (it timed out or died): nobody reads an answer, the response
     * may be half sent, and nothing failed here. 499, the status proxies use for it, when nothing was sent yet, so
     * these stay out of the 5xx a dashboard or alert counts.
     */
    @ExceptionHandler(AbortedException.class)
    Mono<Void> callerWentAway(AbortedException e, ServerWebExchange exchange) {
        log.info("{} {}: the caller closed the connection before the answer", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value());
        if (!exchange.getResponse().isCommitted()) {
            exchange.getResponse().setStatusCode(CALLER_WENT_AWAY);
        }
        return Mono.empty();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, ServerWebExchange exchange) {
        log.error("unexpected failure answering {} {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), e);
        return answer(exchange, HttpStatus.INTERNAL_SERVER_ERROR, ProblemType.INTERNAL_ERROR,
                "The failure was logged with this request's id (requestId).", List.of(), Map.of());
    }

    private static ResponseEntity<ProblemDetail> tooLarge(ServerWebExchange exchange) {
        return answer(exchange, HttpStatus.CONTENT_TOO_LARGE, ProblemType.TOO_LARGE, "the request body is too large",
                List.of(new FieldReason("body", "too large")), Map.of());
    }

    private static ResponseEntity<ProblemDetail> invalid(ServerWebExchange exchange, List<FieldReason> errors) {
        return refusedInput(exchange, ApiProblem.invalid(errors));
    }

    private static ResponseEntity<ProblemDetail> refusedInput(ServerWebExchange exchange, ApiProblem problem) {
        log.debug("refused {}: {}", exchange.getRequest().getPath().value(), problem.errors());
        return answer(exchange, problem.status(), problem.type(), problem.getMessage(), problem.errors(), Map.of());
    }

    private static String pathOf(DatabindException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(reference -> {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        });
        return path.isEmpty() ? "body" : path.toString();
    }

    /** The one way a problem leaves a handler; a service's advice for its own exceptions answers with it too. */
    public static ResponseEntity<ProblemDetail> answer(ServerWebExchange exchange, HttpStatusCode status, String type,
            String detail, List<FieldReason> errors, Map<String, Object> properties) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDocument.of(exchange, status, type, detail, errors, properties));
    }
}
