package org.xinfang.routing.web;

import com.mongodb.MongoException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.databind.DatabindException;

/** Every refusal as {@code application/problem+json}; invalid input lists {@code errors: [{field, reason}]}. */
@RestControllerAdvice
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(RequestProblem.class)
    ResponseEntity<ProblemDetail> refused(RequestProblem problem) {
        return render(problem.status(), problem.getMessage(), problem.errors());
    }

    /** The store is away (down, unreachable, too slow): the request may succeed later, so 503, not a 500. */
    @ExceptionHandler(MongoException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(MongoException e) {
        log.warn("store unavailable: {}", e.toString());
        ResponseEntity<ProblemDetail> problem = render(HttpStatus.SERVICE_UNAVAILABLE,
                "the routing store is unavailable; retry shortly", List.of());
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "5").body(problem.getBody());
    }

    /** A body past the codec's limit (spring.codec.max-in-memory-size) is refused before it is parsed. */
    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ProblemDetail> tooLarge(DataBufferLimitException e) {
        return render(HttpStatus.CONTENT_TOO_LARGE, "the request body is too large",
                List.of(new RequestProblem.FieldProblem("body", "too large")));
    }

    /** Unreadable JSON or a value of the wrong type: name the field when the parser knows it. */
    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        String field = "body";
        String reason = e.getReason() == null ? "unreadable request" : e.getReason();
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof DataBufferLimitException limit) {
                return tooLarge(limit);
            }
            if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
                field = pathOf(databind);
                reason = databind.getOriginalMessage();
                break;
            }
            if (cause instanceof DecodingException) {
                reason = "the body is not valid JSON";
            }
            cause = cause.getCause();
        }
        log.debug("unreadable request: {}", reason);
        return render(HttpStatus.BAD_REQUEST, "the request is invalid", List.of(new RequestProblem.FieldProblem(field, reason)));
    }

    private static String pathOf(DatabindException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(ref -> {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        });
        return path.isEmpty() ? "body" : path.toString();
    }

    private static ResponseEntity<ProblemDetail> render(HttpStatus status, String detail, List<RequestProblem.FieldProblem> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
