package org.xinfang.notification.web;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Who acts, from {@code X-User-Id} and {@code X-Role} until tokens arrive; both are required on every write, because
 * the plan's accountability section asks who did what.
 */
record Actor(String userId, String role) {

    static Actor of(ServerHttpRequest request) {
        return new Actor(required(request, "X-User-Id"), required(request, "X-Role"));
    }

    private static String required(ServerHttpRequest request, String header) {
        String value = request.getHeaders().getFirst(header);
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(header, "header is required");
        }
        if (value.length() > 100) {
            throw new InvalidRequestException(header, "at most 100 characters");
        }
        return value.trim();
    }
}
