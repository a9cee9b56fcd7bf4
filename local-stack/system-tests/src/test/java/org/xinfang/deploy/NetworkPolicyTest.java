package org.xinfang.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Network isolation: the namespace denies everything by default; only the gateway takes traffic from outside (from
 * the ingress controller); a service takes requests only from the gateway and scrapes only from the monitoring
 * namespace on its management port; and services reach only Kafka, MongoDB, DNS and the token issuer (the gateway
 * reaches the services instead of Kafka and MongoDB). The one exception is named: the delivery policies that let
 * notification-service and reporting-service send webhooks and email to public addresses.
 */
class NetworkPolicyTest {

    @TestFactory
    Stream<DynamicTest> theNamespaceDeniesByDefault() {
        return RenderedOverlay.all().map(overlay -> DynamicTest.dynamicTest(overlay.name(), () -> {
            NetworkPolicy deny = StrictModel.read(overlay.get("NetworkPolicy", "default-deny-all"), NetworkPolicy.class);
            assertThat(Selectors.isEmpty(deny.getSpec().getPodSelector())).as("selects every pod").isTrue();
            assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
            assertThat(deny.getSpec().getEgress()).isNullOrEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicContainer> eachServiceTalksOnlyToWhatItNeeds() {
        return RenderedOverlay.all().map(overlay -> DynamicContainer.dynamicContainer(overlay.name(),
                Suite.SERVICES.stream().map(service -> DynamicTest.dynamicTest(service.name(),
                        () -> assertThat(violations(overlay, service)).isEmpty()))));
    }

    @TestFactory
    Stream<DynamicTest> theCheckCatchesAnOpening() {
        RenderedOverlay overlay = RenderedOverlay.of("prod");
        NetworkPolicy open = StrictModel.read(overlay.get("NetworkPolicy", "routing-service"), NetworkPolicy.class);
        open.getSpec().getEgress().add(new NetworkPolicyEgressRule(List.of(), List.of()));
        NetworkPolicy anyone = StrictModel.read(overlay.get("NetworkPolicy", "intake-service"), NetworkPolicy.class);
        anyone.getSpec().getIngress().add(new NetworkPolicyIngressRule(List.of(), List.of()));
        return Stream.of(
                DynamicTest.dynamicTest("egress anywhere", () -> assertThat(
                        egressViolations(Suite.SERVICES.get(2), open)).isNotEmpty()),
                DynamicTest.dynamicTest("ingress from anyone", () -> assertThat(
                        ingressViolations(Suite.SERVICES.get(1), anyone)).isNotEmpty()));
    }

    private static List<String> violations(RenderedOverlay overlay, Suite service) {
        Map<String, String> labels = StrictModel.read(overlay.get("Deployment", service.name()), Deployment.class)
                .getSpec().getTemplate().getMetadata().getLabels();
        List<NetworkPolicy> policies = overlay.ofKind("NetworkPolicy").stream()
                .map(StrictModel.reader(NetworkPolicy.class))
                .filter(p -> Selectors.matches(p.getSpec().getPodSelector(), labels)).toList();
        assertThat(policies).as(service + " has its own policy")
                .anyMatch(p -> p.getMetadata().getName().equals(service.name()));
        List<String> violations = new ArrayList<>();
        for (NetworkPolicy policy : policies) {
            violations.addAll(ingressViolations(service, policy));
            violations.addAll(egressViolations(service, policy));
        }
        return violations;
    }

    static List<String> ingressViolations(Suite service, NetworkPolicy policy) {
        List<String> violations = new ArrayList<>();
        String where = service + " via " + policy.getMetadata().getName() + ": ingress ";
        for (NetworkPolicyIngressRule rule : Optional.ofNullable(policy.getSpec().getIngress()).orElse(List.of())) {
            if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                violations.add(where + "from anywhere");
                continue;
            }
            for (NetworkPolicyPeer peer : rule.getFrom()) {
                if (namespace(peer, "monitoring")) {
                    if (!onlyPorts(rule.getPorts(), Suite.MANAGEMENT_PORT)) {
                        violations.add(where + "from monitoring beyond the management port");
                    }
                } else if (namespace(peer, "ingress-nginx") && service.isGateway()) {
                    if (!onlyPorts(rule.getPorts(), service.port())) {
                        violations.add(where + "from the ingress controller beyond the HTTP port");
                    }
                } else if (!service.isGateway() && samePods(peer, "app.kubernetes.io/name", "gateway")) {
                    if (!onlyPorts(rule.getPorts(), service.port())) {
                        violations.add(where + "from the gateway beyond the HTTP port");
                    }
                } else {
                    violations.add(where + "from " + peer);
                }
            }
        }
        return violations;
    }

    static List<String> egressViolations(Suite service, NetworkPolicy policy) {
        List<String> violations = new ArrayList<>();
        String name = policy.getMetadata().getName();
        String where = service + " via " + name + ": egress ";
        boolean deliveries = name.equals(service.name() + "-deliveries")
                && List.of("notification-service", "reporting-service").contains(service.name());
        for (NetworkPolicyEgressRule rule : Optional.ofNullable(policy.getSpec().getEgress()).orElse(List.of())) {
            if (rule.getTo() == null || rule.getTo().isEmpty()) {
                violations.add(where + "to anywhere");
                continue;
            }
            for (NetworkPolicyPeer peer : rule.getTo()) {
                boolean allowed;
                if (peer.getIpBlock() != null) {
                    allowed = deliveries && onlyPorts(rule.getPorts(), 443, 587)
                            && peer.getIpBlock().getExcept() != null
                            && peer.getIpBlock().getExcept().containsAll(List.of("10.0.0.0/8", "172.16.0.0/12",
                                    "192.168.0.0/16"));
                } else if (namespace(peer, "kube-system")) {
                    allowed = onlyPorts(rule.getPorts(), 53);
                } else if (namespace(peer, "identity")) {
                    allowed = true;
                } else if (service.isGateway()) {
                    allowed = Suite.SERVICES.stream().filter(s -> !s.isGateway()).anyMatch(backend ->
                            samePods(peer, "app.kubernetes.io/name", backend.name())
                                    && onlyPorts(rule.getPorts(), backend.port()));
                } else {
                    allowed = (samePods(peer, "strimzi.io/cluster", "xinfang") && onlyPorts(rule.getPorts(), Suite.KAFKA_PORT))
                            || (service.database() != null && samePods(peer, "app.kubernetes.io/name", "mongodb")
                                    && onlyPorts(rule.getPorts(), 27017));
                }
                if (!allowed) {
                    violations.add(where + "to " + peer + " on " + rule.getPorts());
                }
            }
        }
        return violations;
    }

    private static boolean namespace(NetworkPolicyPeer peer, String namespace) {
        LabelSelector selector = peer.getNamespaceSelector();
        return selector != null && !Selectors.isEmpty(selector)
                && Selectors.matches(selector, Map.of("kubernetes.io/metadata.name", namespace))
                && !Selectors.matches(selector, Map.of("kubernetes.io/metadata.name", "some-other-namespace"));
    }

    /** A peer in the policy's own namespace whose selector requires the given label. */
    private static boolean samePods(NetworkPolicyPeer peer, String label, String value) {
        LabelSelector selector = peer.getPodSelector();
        return peer.getNamespaceSelector() == null && peer.getIpBlock() == null && selector != null
                && value.equals(Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of()).get(label));
    }

    private static boolean onlyPorts(List<NetworkPolicyPort> ports, int... allowed) {
        if (ports == null || ports.isEmpty()) {
            return false;
        }
        return ports.stream().allMatch(p -> p.getPort() != null && p.getEndPort() == null
                && java.util.Arrays.stream(allowed).anyMatch(a -> a == p.getPort().getIntVal()));
    }
}
