package org.xinfang.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * The addresses the services are given are the ones the infrastructure objects create, in every overlay (a resized
 * replica set with a stale host list would otherwise go unnoticed), and both ends of each allowed network path agree:
 * a service allowed out to Kafka or MongoDB is also let in there.
 */
class InfrastructureWiringTest {

    @TestFactory
    Stream<DynamicContainer> servicesFindTheInfrastructure() {
        return RenderedOverlay.all().map(overlay -> DynamicContainer.dynamicContainer(overlay.name(), Stream.of(
                DynamicTest.dynamicTest("KAFKA_BOOTSTRAP is the cluster's bootstrap Service", () -> kafka(overlay)),
                DynamicTest.dynamicTest("MONGO_HOSTS lists every replica-set member", () -> mongo(overlay)),
                DynamicTest.dynamicTest("Kafka's listener admits every service that reaches for it",
                        () -> kafkaAdmitsClients(overlay)),
                DynamicTest.dynamicTest("MongoDB admits every service that owns a database",
                        () -> mongoAdmitsOwners(overlay)),
                DynamicTest.dynamicTest("every service and the gateway are given the token issuer and its key set",
                        () -> tokenIssuer(overlay)))));
    }

    /**
     * The services read XINFANG_TOKEN_ISSUER and XINFANG_JWK_SET_URI (docs/access.md): both must reach every pod, the
     * key set must be the issuer's own, and the old Spring property variable must be gone (it set the issuer alone,
     * leaving the key set at its localhost default).
     */
    private static void tokenIssuer(RenderedOverlay overlay) {
        Map<String, String> platform = platform(overlay);
        String issuer = platform.get("XINFANG_TOKEN_ISSUER");
        assertThat(issuer).as("XINFANG_TOKEN_ISSUER").isNotBlank().doesNotContain("localhost");
        assertThat(platform.get("XINFANG_JWK_SET_URI")).as("XINFANG_JWK_SET_URI").startsWith(issuer + "/");
        assertThat(platform).doesNotContainKey("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI");
        for (Suite service : Suite.SERVICES) {
            Deployment deployment = StrictModel.read(overlay.get("Deployment", service.name()), Deployment.class);
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers()).allSatisfy(container ->
                    assertThat(container.getEnvFrom()).as(service + " reads the platform ConfigMap")
                            .anyMatch(from -> from.getConfigMapRef() != null
                                    && "xinfang-platform".equals(from.getConfigMapRef().getName())));
        }
    }

    private static Map<String, String> platform(RenderedOverlay overlay) {
        return StrictModel.read(overlay.get("ConfigMap", "xinfang-platform"), ConfigMap.class).getData();
    }

    /** The one listener clients have (TransportSecurityTest: TLS and authentication, no other listener). */
    private static GenericKafkaListener clientListener(Kafka kafka) {
        List<GenericKafkaListener> listeners = kafka.getSpec().getKafka().getListeners();
        assertThat(listeners).as("one client listener").hasSize(1);
        assertThat(listeners.get(0).getPort()).isEqualTo(Suite.KAFKA_PORT);
        return listeners.get(0);
    }

    private static Kafka theKafka(RenderedOverlay overlay) {
        List<JsonNode> clusters = overlay.ofKind("Kafka");
        assertThat(clusters).hasSize(1);
        return StrictModel.read(clusters.get(0), Kafka.class);
    }

    private static void kafka(RenderedOverlay overlay) {
        Kafka kafka = theKafka(overlay);
        // Strimzi names the bootstrap Service <cluster>-kafka-bootstrap.
        assertThat(platform(overlay)).containsEntry("KAFKA_BOOTSTRAP",
                kafka.getMetadata().getName() + "-kafka-bootstrap:" + clientListener(kafka).getPort());
    }

    private static void mongo(RenderedOverlay overlay) {
        StatefulSet mongo = StrictModel.read(overlay.get("StatefulSet", "mongodb"), StatefulSet.class);
        String service = mongo.getSpec().getServiceName();
        overlay.get("Service", service);
        List<String> members = IntStream.range(0, mongo.getSpec().getReplicas())
                .mapToObj(i -> mongo.getMetadata().getName() + "-" + i + "." + service + ":27017").toList();
        assertThat(platform(overlay).get("MONGO_HOSTS").split(",")).containsExactlyElementsOf(members);
        assertThat(mongo.getSpec().getReplicas() % 2).as("an odd number of members elects a primary").isEqualTo(1);
    }

    private static void kafkaAdmitsClients(RenderedOverlay overlay) {
        GenericKafkaListener listener = clientListener(theKafka(overlay));
        for (Suite service : Suite.SERVICES) {
            Map<String, String> labels = podLabels(overlay, service);
            boolean reaches = policiesOf(overlay, labels).stream().flatMap(p -> egressPeers(p).stream())
                    .anyMatch(peer -> peer.getPodSelector() != null && "xinfang".equals(Optional.ofNullable(
                            peer.getPodSelector().getMatchLabels()).orElse(Map.of()).get("strimzi.io/cluster")));
            boolean admitted = listener.getNetworkPolicyPeers().stream()
                    .anyMatch(peer -> Selectors.matches(peer.getPodSelector(), labels));
            assertThat(admitted).as(service + " reaches for Kafka: " + reaches + ", admitted: " + admitted)
                    .isEqualTo(reaches);
        }
    }

    private static void mongoAdmitsOwners(RenderedOverlay overlay) {
        NetworkPolicy mongo = StrictModel.read(overlay.get("NetworkPolicy", "mongodb"), NetworkPolicy.class);
        for (Suite service : Suite.SERVICES) {
            Map<String, String> labels = podLabels(overlay, service);
            boolean admitted = mongo.getSpec().getIngress().stream().flatMap(r -> r.getFrom().stream())
                    .anyMatch(peer -> peer.getNamespaceSelector() == null
                            && Selectors.matches(peer.getPodSelector(), labels));
            assertThat(admitted).as(service + " admitted by MongoDB").isEqualTo(service.database() != null);
        }
    }

    private static Map<String, String> podLabels(RenderedOverlay overlay, Suite service) {
        return StrictModel.read(overlay.get("Deployment", service.name()), Deployment.class)
                .getSpec().getTemplate().getMetadata().getLabels();
    }

    private static List<NetworkPolicy> policiesOf(RenderedOverlay overlay, Map<String, String> labels) {
        return overlay.ofKind("NetworkPolicy").stream().map(StrictModel.reader(NetworkPolicy.class))
                .filter(p -> Selectors.matches(p.getSpec().getPodSelector(), labels)).toList();
    }

    private static List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer> egressPeers(
            NetworkPolicy policy) {
        return Optional.ofNullable(policy.getSpec().getEgress()).orElse(List.of()).stream()
                .flatMap(r -> Optional.ofNullable(r.getTo()).orElse(List.of()).stream()).toList();
    }
}
