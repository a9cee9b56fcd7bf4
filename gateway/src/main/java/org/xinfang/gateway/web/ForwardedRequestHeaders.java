package org.xinfang.gateway.web;

import org.xinfang.kit.web.RequestIdFilter;
import java.util.List;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers a service receives: the caller's, without the ones that once named a tenant (the tenant comes from the
 * token only), and with the request's id. Applied once, as the routing filter builds the outgoing request, rather than
 * by rebuilding the request in a filter per header.
 */
@Component
class ForwardedRequestHeaders implements HttpHeadersFilter {

    /** A client sending these changes nothing anywhere: they are never relayed. */
    static final List<String> TENANCY_HEADERS = List.of("X-District", "X-School", "X-Role", "X-User-Id", "X-User");

    /**
     * The console's session cookie and CSRF token are the gateway's business: a service gets the person's access
     * token instead (TokenRelay), never the cookie that would let it act as the person at the gateway.
     */
    static final List<String> CONSOLE_HEADERS = List.of(HttpHeaders.COOKIE, "X-XSRF-TOKEN");

    /** The address the request came from, as intake's public door counts wrong query codes by it. */
    static final String CLIENT_ADDRESS = "X-Client-Address";

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders forwarded = new HttpHeaders();
        forwarded.addAll(input);
        TENANCY_HEADERS.forEach(forwarded::remove);
        CONSOLE_HEADERS.forEach(forwarded::remove);
        // The public door's lockout counts per client address: the gateway names it, a client's own word never does.
        forwarded.remove(CLIENT_ADDRESS);
        java.net.InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote != null && remote.getAddress() != null) {
            forwarded.set(CLIENT_ADDRESS, remote.getAddress().getHostAddress());
        }
        String id = exchange.getAttribute(RequestIdFilter.KEY);
        if (id != null) {
            forwarded.set(RequestIdFilter.HEADER, id);
        }
        return forwarded;
    }
}
