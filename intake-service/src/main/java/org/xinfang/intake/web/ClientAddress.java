package org.xinfang.intake.web;

import java.net.InetSocketAddress;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address a public request came from, for the lockout. Behind the gateway every request comes from the gateway,
 * so the gateway names the client's address in {@value #HEADER}, after dropping any such header the client sent; a
 * request that reaches intake directly (inside the cluster only) is counted against its own remote address.
 */
final class ClientAddress {

    static final String HEADER = "X-Client-Address";

    private ClientAddress() {
    }

    static String of(ServerHttpRequest request) {
        String named = request.getHeaders().getFirst(HEADER);
        if (named != null && !named.isBlank() && named.length() <= 64) {
            return named.strip();
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote != null && remote.getAddress() != null ? remote.getAddress().getHostAddress() : "unknown";
    }
}
