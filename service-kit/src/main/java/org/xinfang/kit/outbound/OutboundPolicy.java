package org.xinfang.kit.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.xinfang.kit.web.ApiProblem;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Where the suite may send a request that a user configured (an alert webhook, a report subscription): never to the
 * suite itself, the cluster's private network or the cloud's metadata address, which an administrator could otherwise
 * turn into a way in (server-side request forgery). Checked twice: when the target is registered, and again on every
 * connection, against the address the name resolves to then ({@link OutboundHttp}), so that a name that resolves
 * elsewhere later is refused too.
 *
 * @param httpsOnly refuse plain http (the cluster)
 * @param loopbackAllowed allow 127.0.0.0/8 and ::1 (the local stack's own receivers), never anything else private
 * @param suiteHosts host names of the suite's own services, refused whatever they resolve to
 */
public record OutboundPolicy(boolean httpsOnly, boolean loopbackAllowed, Set<String> suiteHosts) {

    public OutboundPolicy {
        suiteHosts = suiteHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * Completes when {@code url} may be registered as {@code field}, else fails with a 400 naming the field and why.
     * Resolves the host name off the request's thread.
     */
    public Mono<Void> checkRegistration(String field, String url) {
        return Mono.fromCallable(() -> refusal(toUri(url)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(refused -> refused.isPresent()
                        ? Mono.<Void>error(ApiProblem.invalid(field, refused.get())) : Mono.<Void>empty());
    }

    private static URI toUri(String url) {
        try {
            return new URI(url);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** Why {@code target} may not be registered, or empty when it may; resolves its host name. */
    public Optional<String> refusal(URI target) {
        if (target == null || !target.isAbsolute() || target.getHost() == null) {
            return Optional.of("must be an absolute http(s) address with a host");
        }
        String scheme = target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !httpsOnly)) {
            return Optional.of(httpsOnly ? "must use https" : "must use http or https");
        }
        if (target.getUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        String host = target.getHost().toLowerCase(Locale.ROOT);
        if (suiteHosts.contains(host)) {
            return Optional.of("must not be one of the suite's own services");
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                Optional<String> refused = refusal(address);
                if (refused.isPresent()) {
                    return refused;
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("has a host name that does not resolve");
        }
        return Optional.empty();
    }

    /** Why a connection to {@code address} is refused, or empty when it is allowed. */
    public Optional<String> refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return loopbackAllowed ? Optional.empty() : Optional.of("must not be a loopback address");
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || privateOrShared(address)) {
            return Optional.of("must be a public address, not a private, link-local, shared or multicast one");
        }
        return Optional.empty();
    }

    /**
     * What {@link InetAddress} does not name: IPv4 carrier-grade NAT (100.64.0.0/10), "this network" (0.0.0.0/8),
     * broadcast, IPv6 unique-local (fc00::/7), and IPv4 addresses mapped or embedded in IPv6.
     */
    private boolean privateOrShared(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) || (first & 0xf0) == 0xe0
                    || first == 255;
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true;
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
                try {
                    InetAddress v4 = InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                    return refusal(v4).isPresent() && !(loopbackAllowed && v4.isLoopbackAddress());
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
        }
        return false;
    }
}
