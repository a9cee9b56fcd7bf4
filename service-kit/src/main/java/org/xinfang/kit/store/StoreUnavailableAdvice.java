package org.xinfang.kit.store;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
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
import org.xinfang.kit.web.ProblemAdvice;
import org.xinfang.kit.web.ProblemType;
import org.xinfang.kit.web.ProblemWriter;

/**
 * The store is down, unreachable, restarting or too slow ({@link StoreFailures#UNAVAILABLE}: no server selected in
 * time, a socket that failed or stopped answering, a connection pool cleared under a pending call when the store was
 * killed, a query past its limit): nothing is wrong with the request and it may succeed later, so 503 with
 * Retry-After, never a 500. Asked before {@link ProblemAdvice}, whose catch-all would otherwise take these.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class StoreUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(StoreUnavailableAdvice.class);

    // The same list as StoreFailures.UNAVAILABLE (an annotation needs the classes spelled out).
    @ExceptionHandler({MongoTimeoutException.class, MongoSocketException.class, MongoExecutionTimeoutException.class,
            MongoConnectionPoolClearedException.class, MongoServerUnavailableException.class,
            MongoNotPrimaryException.class, MongoNodeIsRecoveringException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(RuntimeException e, ServerWebExchange exchange) {
        log.warn("answering 503: {}", e.toString());
        ResponseEntity<ProblemDetail> answer = ProblemAdvice.answer(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                ProblemType.UNAVAILABLE, "The store is unavailable. Retry after " + ProblemWriter.RETRY_AFTER_SECONDS
                        + " s.", List.of(), Map.of());
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, ProblemWriter.RETRY_AFTER_SECONDS).body(answer.getBody());
    }
}
