package org.xinfang.kit.outbound;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbound policy of a service ({@code xinfang.outbound.*}). The defaults suit the local stack, whose receivers
 * listen on loopback; the {@code kubernetes} profile asks for https only, no loopback, and names the suite's own hosts.
 */
@ConfigurationProperties("xinfang.outbound")
public record OutboundSettings(
        @DefaultValue("false") boolean httpsOnly,
        @DefaultValue("true") boolean loopbackAllowed,
        @DefaultValue Set<String> suiteHosts) {

    public OutboundPolicy policy() {
        return new OutboundPolicy(httpsOnly, loopbackAllowed, suiteHosts == null ? Set.of() : suiteHosts);
    }
}
