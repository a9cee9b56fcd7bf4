package org.xinfang.kit.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Addresses are classified from literals, so nothing is resolved or connected to but loopback. */
class OutboundPolicyTest {

    private final OutboundPolicy cluster = new OutboundPolicy(true, false, Set.of("intake-service", "gateway"));
    private final OutboundPolicy local = new OutboundPolicy(false, true, Set.of());

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
        "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1",
        "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:10.0.0.1", "::ffff:169.254.169.254"})
    void privateLoopbackLinkLocalSharedAndMulticastAddressesAreRefusedInTheCluster(String literal) throws Exception {
        assertThat(cluster.refusal(InetAddress.getByName(literal))).as(literal).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "100.63.255.255", "100.128.0.1", "172.32.0.1", "2001:4860:4860::8888"})
    void publicAddressesAreAllowed(String literal) throws Exception {
        assertThat(cluster.refusal(InetAddress.getByName(literal))).as(literal).isEmpty();
    }

    @Test
    void theLocalStackMayReachLoopbackAndNothingElsePrivate() throws Exception {
        assertThat(local.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(local.refusal(InetAddress.getByName("::1"))).isEmpty();
        assertThat(local.refusal(InetAddress.getByName("10.0.0.1"))).isPresent();
        assertThat(local.refusal(InetAddress.getByName("169.254.169.254"))).isPresent();
    }

    @Test
    void registrationChecksSchemeCredentialsTheSuitesOwnHostsAndWhatANameResolvesTo() {
        assertThat(cluster.refusal(URI.create("http://8.8.8.8/hook"))).hasValue("must use https");
        assertThat(cluster.refusal(URI.create("https://user:pw@8.8.8.8/hook"))).isPresent();
        assertThat(cluster.refusal(URI.create("https://intake-service:8081/api"))).hasValue(
                "must not be one of the suite's own services");
        assertThat(cluster.refusal(URI.create("https://localhost/hook"))).isPresent();
        assertThat(cluster.refusal(URI.create("https://[fd00::1]/hook"))).isPresent();
        assertThat(cluster.refusal(URI.create("ftp://8.8.8.8/x"))).isPresent();
        assertThat(cluster.refusal(URI.create("/relative"))).isPresent();
        assertThat(cluster.refusal(URI.create("https://8.8.8.8/hook"))).isEmpty();
        assertThat(local.refusal(URI.create("http://127.0.0.1:9999/hook"))).isEmpty();
    }
}
