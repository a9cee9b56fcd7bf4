package org.xinfang.kit.web;

import java.net.URI;
import org.springframework.http.HttpStatusCode;

/**
 * The {@code type} of every problem document the suite writes: {@code urn:xinfang:problem:<name>}. A URN, because
 * nothing is served at such an address; clients branch on it, people read {@code title} and {@code detail}. The
 * names and their meanings are listed in docs/architecture.md ("Problems").
 */
public final class ProblemType {

    public static final String INVALID_REQUEST = "invalid-request";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not-found";
    public static final String CONFLICT = "conflict";
    public static final String TOO_LARGE = "too-large";
    public static final String TOO_MANY_REQUESTS = "too-many-requests";
    public static final String UNAVAILABLE = "unavailable";
    public static final String INTERNAL_ERROR = "internal-error";

    private static final String PREFIX = "urn:xinfang:problem:";

    private ProblemType() {
    }

    public static URI of(String name) {
        return URI.create(PREFIX + name);
    }

    /** The type of a problem that says no more than its status; {@code http-<status>} for the rarer ones. */
    public static String forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> INVALID_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            case 413 -> TOO_LARGE;
            case 429 -> TOO_MANY_REQUESTS;
            case 500 -> INTERNAL_ERROR;
            case 502, 503, 504 -> UNAVAILABLE;
            default -> "http-" + status.value();
        };
    }
}
