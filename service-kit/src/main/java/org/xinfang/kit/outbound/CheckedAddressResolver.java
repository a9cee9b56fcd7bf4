package org.xinfang.kit.outbound;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the address of every connection as the JDK does and refuses it when an address is one the
 * {@link OutboundPolicy} forbids; an address given as a literal is checked too (it is never taken as already
 * resolved). The connection goes to the address checked here, so a name whose answer changes between the check and
 * the connection (DNS rebinding) gains nothing.
 */
final class CheckedAddressResolver extends AbstractAddressResolver<InetSocketAddress> {

    private final OutboundPolicy policy;

    CheckedAddressResolver(EventExecutor executor, OutboundPolicy policy) {
        super(executor, InetSocketAddress.class);
        this.policy = policy;
    }

    /** Never: an address Netty would otherwise connect to unchecked goes through {@link #doResolve} too. */
    @Override
    protected boolean doIsResolved(InetSocketAddress address) {
        return false;
    }

    @Override
    protected void doResolve(InetSocketAddress target, Promise<InetSocketAddress> promise) {
        try {
            promise.setSuccess(new InetSocketAddress(checked(target).get(0), target.getPort()));
        } catch (UnknownHostException | RefusedTargetException e) {
            promise.setFailure(e);
        }
    }

    @Override
    protected void doResolveAll(InetSocketAddress target, Promise<List<InetSocketAddress>> promise) {
        try {
            List<InetSocketAddress> all = new ArrayList<>();
            for (InetAddress address : checked(target)) {
                all.add(new InetSocketAddress(address, target.getPort()));
            }
            promise.setSuccess(all);
        } catch (UnknownHostException | RefusedTargetException e) {
            promise.setFailure(e);
        }
    }

    /** Every address of the target, or none: one forbidden answer refuses the name. */
    private List<InetAddress> checked(InetSocketAddress target) throws UnknownHostException {
        InetAddress[] addresses = target.isUnresolved() ? InetAddress.getAllByName(target.getHostString())
                : new InetAddress[] {target.getAddress()};
        List<InetAddress> allowed = new ArrayList<>(addresses.length);
        for (InetAddress address : addresses) {
            Optional<String> refused = policy.refusal(address);
            if (refused.isPresent()) {
                throw new RefusedTargetException(target.getHostString() + " " + refused.get());
            }
            allowed.add(address);
        }
        return allowed;
    }
}
