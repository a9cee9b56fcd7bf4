package org.xinfang.kit.outbound;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import reactor.netty.http.client.HttpClient;

/**
 * The HTTP client for requests to targets users configured: every connection's address is checked against the
 * {@link OutboundPolicy} as it is resolved, and redirects are never followed (a receiver cannot send the suite on to
 * an address that was never checked).
 */
public final class OutboundHttp {

    private OutboundHttp() {
    }

    public static HttpClient client(OutboundPolicy policy) {
        return HttpClient.create().resolver(new PolicyResolverGroup(policy)).followRedirect(false);
    }

    private static final class PolicyResolverGroup extends AddressResolverGroup<InetSocketAddress> {

        private final OutboundPolicy policy;

        PolicyResolverGroup(OutboundPolicy policy) {
            this.policy = policy;
        }

        @Override
        protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
            return new CheckedAddressResolver(executor, policy);
        }
    }
}
