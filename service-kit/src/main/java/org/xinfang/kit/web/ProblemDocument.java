package org.xinfang.kit.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;

/**
 * The one shape of an RFC 9457 problem in the suite, whoever writes it (a handler's refusal, the security chain, the
 * gateway): {@code type} (a {@link ProblemType}), {@code title}, {@code status}, {@code detail}, {@code instance} (the
 * path asked for), {@code requestId} (the {@code X-Request-Id} that every log line of the request carries) and, for
 * invalid input, {@code errors: [{field, reason}]}.
 */
public final class ProblemDocument {

    private ProblemDocument() {
    }

    public static ProblemDetail of(ServerWebExchange exchange, HttpStatusCode status, String type, String detail,
            List<FieldReason> errors, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemType.of(type));
        String path = exchange.getAttribute(RequestIdFilter.PATH_ATTRIBUTE);
        problem.setInstance(java.net.URI.create(path != null ? path : exchange.getRequest().getPath().value()));
        String requestId = RequestIdFilter.of(exchange);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        properties.forEach(problem::setProperty);
        return problem;
    }
}
