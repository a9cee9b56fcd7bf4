package org.xinfang.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.strimzi.api.kafka.model.common.metrics.JmxPrometheusExporterMetrics;
import io.strimzi.api.kafka.model.kafka.Kafka;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What the objects of an overlay refer to exists: Services and policies select real pods and named ports, ConfigMaps
 * referenced are rendered, and every Secret referenced is one that operators create by hand and that
 * docs/operations.md tells them how to create (Secrets are never committed).
 */
class ManifestReferencesTest {

    /** The Secrets the manifests expect to exist in the namespace; none of them is in the repository. */
    static final Set<String> EXTERNAL_SECRETS = Set.of(
            "mongodb-admin", "mongodb-keyfile", "mongodb-tls",
            "intake-service-mongodb", "routing-service-mongodb", "notification-service-mongodb",
            "reporting-service-mongodb",
            "intake-service-secrets", "notification-service-secrets", "reporting-service-secrets",
            "gateway-tls");

    @TestFactory
    Stream<DynamicContainer> referencesResolve() {
        return RenderedOverlay.all().map(overlay -> DynamicContainer.dynamicContainer(overlay.name(), Stream.of(
                DynamicTest.dynamicTest("Services select pods and their named ports", () -> services(overlay)),
                DynamicTest.dynamicTest("ConfigMaps and Secrets referenced exist or are documented",
                        () -> configuration(overlay)),
                DynamicTest.dynamicTest("the Ingress reaches the gateway's HTTP port", () -> ingress(overlay)),
                DynamicTest.dynamicTest("Kafka's metrics configuration exists and parses", () -> kafkaMetrics(overlay)),
                DynamicTest.dynamicTest("every NetworkPolicy selects pods", () -> policies(overlay)),
                DynamicTest.dynamicTest("everything lives in the restricted xinfang namespace",
                        () -> namespace(overlay)))));
    }

    @TestFactory
    Stream<DynamicTest> noSecretIsCommitted() {
        return RenderedOverlay.all().map(overlay -> DynamicTest.dynamicTest(overlay.name(),
                () -> assertThat(overlay.ofKind("Secret")).isEmpty()));
    }

    private static void services(RenderedOverlay overlay) {
        List<PodTemplateSpec> pods = podTemplates(overlay);
        for (JsonNode node : overlay.ofKind("Service")) {
            Service service = StrictModel.read(node, Service.class);
            List<PodTemplateSpec> selected = pods.stream()
                    .filter(p -> Selectors.matches(service.getSpec().getSelector(), p.getMetadata().getLabels()))
                    .toList();
            assertThat(selected).as(RenderedOverlay.describe(node) + " selects pods").isNotEmpty();
            for (ServicePort port : service.getSpec().getPorts()) {
                String target = port.getTargetPort().getStrVal();
                if (target != null) {
                    assertThat(selected).as(RenderedOverlay.describe(node) + " target port " + target)
                            .allMatch(p -> containers(p.getSpec()).stream().anyMatch(c -> c.getPorts().stream()
                                    .anyMatch(cp -> target.equals(cp.getName()))));
                }
            }
        }
    }

    private static void configuration(RenderedOverlay overlay) throws IOException {
        String operations = Files.readString(RenderedOverlay.repositoryRoot().resolve("docs/operations.md"));
        List<String> configMaps = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        for (PodTemplateSpec pod : podTemplates(overlay)) {
            for (Container container : containers(pod.getSpec())) {
                container.getEnvFrom().forEach(e -> {
                    Optional.ofNullable(e.getConfigMapRef()).ifPresent(r -> configMaps.add(r.getName()));
                    Optional.ofNullable(e.getSecretRef()).ifPresent(r -> secrets.add(r.getName()));
                });
                container.getEnv().stream().filter(e -> e.getValueFrom() != null).forEach(e -> {
                    Optional.ofNullable(e.getValueFrom().getConfigMapKeyRef()).ifPresent(r -> configMaps.add(r.getName()));
                    Optional.ofNullable(e.getValueFrom().getSecretKeyRef()).ifPresent(r -> secrets.add(r.getName()));
                });
            }
            pod.getSpec().getVolumes().forEach(v -> {
                Optional.ofNullable(v.getConfigMap()).ifPresent(c -> configMaps.add(c.getName()));
                Optional.ofNullable(v.getSecret()).ifPresent(s -> secrets.add(s.getSecretName()));
            });
        }
        overlay.ofKind("Ingress").stream().map(StrictModel.reader(Ingress.class))
                .forEach(i -> i.getSpec().getTls().forEach(t -> secrets.add(t.getSecretName())));
        for (String name : configMaps) {
            overlay.get("ConfigMap", name);
        }
        assertThat(secrets).as("Secrets the manifests use").isNotEmpty();
        // Strimzi writes these itself: its cluster CA's certificate, and one Secret per KafkaUser (its credentials).
        List<String> generated = new ArrayList<>();
        overlay.ofKind("Kafka").forEach(k -> generated.add(RenderedOverlay.nameOf(k) + "-cluster-ca-cert"));
        overlay.ofKind("KafkaUser").forEach(u -> generated.add(RenderedOverlay.nameOf(u)));
        secrets.removeIf(name -> generated.contains(name) && operations.contains(name));
        for (String name : secrets) {
            assertThat(EXTERNAL_SECRETS).as("Secret " + name + " is one operators create").contains(name);
            assertThat(operations).as("docs/operations.md tells how to create Secret " + name).contains(name);
        }
    }

    private static void kafkaMetrics(RenderedOverlay overlay) {
        Kafka kafka = StrictModel.read(overlay.ofKind("Kafka").get(0), Kafka.class);
        JmxPrometheusExporterMetrics metrics = (JmxPrometheusExporterMetrics) kafka.getSpec().getKafka()
                .getMetricsConfig();
        var reference = metrics.getValueFrom().getConfigMapKeyRef();
        ConfigMap map = StrictModel.read(overlay.get("ConfigMap", reference.getName()), ConfigMap.class);
        assertThat(map.getData()).containsKey(reference.getKey());
        JsonNode rules = YAMLMapper.builder().build().readTree(map.getData().get(reference.getKey()));
        assertThat(rules.path("rules").isEmpty()).as("JMX exporter rules").isFalse();
        rules.path("rules").forEach(rule -> assertThat(rule.path("pattern").asString()).isNotBlank());
    }

    private static void ingress(RenderedOverlay overlay) {
        List<Ingress> ingresses = overlay.ofKind("Ingress").stream().map(StrictModel.reader(Ingress.class)).toList();
        assertThat(ingresses).as("only the gateway is exposed").hasSize(1);
        ingresses.get(0).getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
            assertThat(path.getBackend().getService().getName()).isEqualTo("gateway");
            Service gateway = StrictModel.read(overlay.get("Service", "gateway"), Service.class);
            String port = path.getBackend().getService().getPort().getName();
            assertThat(gateway.getSpec().getPorts()).anyMatch(p -> p.getName().equals(port) && p.getPort() == 8080);
        }));
        assertThat(ingresses.get(0).getSpec().getTls()).as("TLS at the edge").isNotEmpty();
    }

    private static void policies(RenderedOverlay overlay) {
        List<PodTemplateSpec> pods = podTemplates(overlay);
        for (NetworkPolicy policy : overlay.ofKind("NetworkPolicy").stream().map(StrictModel.reader(NetworkPolicy.class))
                .toList()) {
            var selector = policy.getSpec().getPodSelector();
            boolean strimziPods = Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of())
                    .containsKey("strimzi.io/cluster");
            if (!Selectors.isEmpty(selector) && !strimziPods) {
                assertThat(pods).as("NetworkPolicy " + policy.getMetadata().getName() + " selects pods")
                        .anyMatch(p -> Selectors.matches(selector, p.getMetadata().getLabels()));
            }
        }
    }

    private static void namespace(RenderedOverlay overlay) {
        JsonNode namespace = overlay.get("Namespace", "xinfang");
        assertThat(namespace.at("/metadata/labels/pod-security.kubernetes.io~1enforce").asString())
                .isEqualTo("restricted");
        for (JsonNode object : overlay.objects()) {
            if (!object.path("kind").asString().equals("Namespace")) {
                assertThat(object.at("/metadata/namespace").asString()).as(RenderedOverlay.describe(object))
                        .isEqualTo("xinfang");
            }
        }
    }

    static List<PodTemplateSpec> podTemplates(RenderedOverlay overlay) {
        return overlay.objects().stream().filter(o -> PodHardening.podTemplate(o).isPresent())
                .map(o -> StrictModel.read(o.at("/spec/template"), PodTemplateSpec.class)).toList();
    }

    private static List<Container> containers(PodSpec pod) {
        List<Container> all = new ArrayList<>(pod.getContainers());
        Optional.ofNullable(pod.getInitContainers()).ifPresent(all::addAll);
        return all;
    }
}
