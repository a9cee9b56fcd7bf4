package org.xinfang.kit.messaging;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.KafkaException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import org.xinfang.kit.web.ProblemAdvice;
import org.xinfang.kit.web.ProblemType;
import org.xinfang.kit.web.ProblemWriter;

/**
 * A request whose event the broker did not take (down, restarting, no leader yet, past the producer's time limits):
 * 503 with Retry-After, never a 500. Asked before {@link ProblemAdvice}, whose catch-all would otherwise take these.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class BrokerUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(BrokerUnavailableAdvice.class);

    @ExceptionHandler({BrokerUnavailableException.class, KafkaException.class, RetriableException.class})
    ResponseEntity<ProblemDetail> brokerUnavailable(RuntimeException e, ServerWebExchange exchange) {
        log.warn("answering 503: {}", e.toString());
        ResponseEntity<ProblemDetail> answer = ProblemAdvice.answer(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                ProblemType.UNAVAILABLE, "The message broker is unavailable. Retry after "
                        + ProblemWriter.RETRY_AFTER_SECONDS + " s.", List.of(), Map.of());
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, ProblemWriter.RETRY_AFTER_SECONDS).body(answer.getBody());
    }
}
