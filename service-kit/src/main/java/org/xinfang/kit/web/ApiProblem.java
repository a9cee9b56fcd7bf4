package org.xinfang.kit.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request the service refuses, answered by {@link ProblemAdvice} as {@code application/problem+json}: the status,
 * the problem's {@link ProblemType type}, a detail a person can read, and for invalid input each field at fault with
 * its reason. Thrown from handlers; carries no stack trace, since a refusal is not a failure of the service.
 */
public final class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final List<FieldReason> errors;
    private final Map<String, Object> properties;

    private ApiProblem(HttpStatus status, String type, String detail, List<FieldReason> errors,
            Map<String, Object> properties) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.errors = List.copyOf(errors);
        this.properties = Map.copyOf(properties);
    }

    public static ApiProblem invalid(List<FieldReason> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST,
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason()
                        : errors.size() + " fields are invalid", errors, Map.of());
    }

    public static ApiProblem invalid(String field, String reason) {
        return invalid(List.of(new FieldReason(field, reason)));
    }

    /** Also what another tenant's resource is answered with, so that its existence is not disclosed. */
    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, detail, List.of(), Map.of());
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, detail, List.of(), Map.of());
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, ProblemType.CONFLICT, detail, List.of(), Map.of());
    }

    /** A refusal of a kind of its own, such as a transition the life cycle does not allow in this state. */
    public static ApiProblem of(HttpStatus status, String type, String detail) {
        return new ApiProblem(status, type, detail, List.of(), Map.of());
    }

    /** The same problem with the fields at fault listed. */
    public ApiProblem withErrors(List<FieldReason> fieldErrors) {
        return new ApiProblem(status, type, getMessage(), fieldErrors, properties);
    }

    /** The same problem with one more member in its document, such as the actions allowed instead. */
    public ApiProblem with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(name, value);
        return new ApiProblem(status, type, getMessage(), errors, more);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public List<FieldReason> errors() {
        return errors;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
