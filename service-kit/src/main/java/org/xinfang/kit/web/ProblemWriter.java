package org.xinfang.kit.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem document straight to the response, for the places that answer outside a handler: the security
 * chain (401, 403, 503 when the issuer is away) and the gateway's own filters and fallbacks.
 */
public final class ProblemWriter {

    /** How long a caller is told to wait before retrying a 503: the issuer, the store or a service may be back. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    /** A problem of the {@link ProblemType#forStatus type its status names}. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        return write(exchange, status, detail, Map.of());
    }

    /** {@code properties} adds members, such as the service that could not answer. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail, Map<String, Object> properties) {
        String type = ProblemType.forStatus(status);
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        // A caller that knows the wait better (the gateway, for a service that is restarting) has set it already.
        if (status == HttpStatus.SERVICE_UNAVAILABLE && !response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        ProblemDetail problem = ProblemDocument.of(exchange, status, type, detail, List.of(), properties);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(members(problem)))));
    }

    /** The members in the order RFC 9457 lists them, then the extensions, as the handlers' encoder writes them. */
    private static Map<String, Object> members(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", String.valueOf(problem.getInstance()));
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
