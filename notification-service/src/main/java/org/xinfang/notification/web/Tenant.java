package org.xinfang.notification.web;

import org.springframework.http.server.reactive.ServerHttpRequest;

/** The district and school a request acts for, from the headers the gateway sets; both are required. */
record Tenant(String district, String school) {

    static Tenant of(ServerHttpRequest request) {
        return new Tenant(required(request, "X-District"), required(request, "X-School"));
    }

    private static String required(ServerHttpRequest request, String header) {
        String value = request.getHeaders().getFirst(header);
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(header, "header is required");
        }
        return value.trim();
    }
}
