package org.xinfang.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * The hardening rules of deploy/, for every container of every workload in every overlay (see {@link PodHardening}),
 * and the shape each service must have: probes on the actuator liveness and readiness groups, a writable /tmp on an
 * emptyDir, the kubernetes profile, an autoscaler and a disruption budget.
 */
class HardeningTest {

    /** The kinds that run pods. A workload of another kind would escape the rules, so it fails the test. */
    private static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "Job");

    @TestFactory
    Stream<DynamicContainer> everyContainerIsHardened() {
        return RenderedOverlay.all().map(overlay -> DynamicContainer.dynamicContainer(overlay.name(),
                overlay.objects().stream().filter(o -> PodHardening.podTemplate(o).isPresent())
                        .map(workload -> DynamicTest.dynamicTest(RenderedOverlay.describe(workload), () -> {
                            assertThat(WORKLOAD_KINDS).as("a known workload kind").contains(workload.path("kind").asString());
                            assertThat(PodHardening.violations(workload)).isEmpty();
                        }))));
    }

    @TestFactory
    Stream<DynamicTest> theRulesCatchEachLoosening() {
        JsonNode gateway = RenderedOverlay.of("prod").get("Deployment", "gateway");
        String container = "/spec/template/spec/containers/0";
        Map<String, JsonNode> loosened = Map.of(
                "a writable root filesystem",
                Mutation.of(gateway).set(container + "/securityContext", "readOnlyRootFilesystem", "false"),
                "privilege escalation allowed",
                Mutation.of(gateway).remove(container + "/securityContext", "allowPrivilegeEscalation"),
                "capabilities kept",
                Mutation.of(gateway).remove(container + "/securityContext", "capabilities"),
                "root allowed",
                Mutation.of(Mutation.of(gateway).remove(container + "/securityContext", "runAsNonRoot"))
                        .remove("/spec/template/spec/securityContext", "runAsNonRoot"),
                "no seccomp profile",
                Mutation.of(Mutation.of(gateway).remove(container + "/securityContext", "seccompProfile"))
                        .remove("/spec/template/spec/securityContext", "seccompProfile"),
                "no limits",
                Mutation.of(gateway).remove(container + "/resources", "limits"),
                "an unpinned image",
                Mutation.of(gateway).set(container, "image", "\"xinfang/gateway:latest\""),
                "a host network",
                Mutation.of(gateway).set("/spec/template/spec", "hostNetwork", "true"));
        return loosened.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> assertThat(PodHardening.violations(e.getValue())).isNotEmpty()));
    }

    @TestFactory
    Stream<DynamicContainer> everyServiceHasItsProbesProfileAndScaling() {
        return RenderedOverlay.all().map(overlay -> DynamicContainer.dynamicContainer(overlay.name(),
                Suite.SERVICES.stream().map(service -> DynamicTest.dynamicTest(service.name(),
                        () -> checkService(overlay, service)))));
    }

    private static void checkService(RenderedOverlay overlay, Suite service) {
        for (String kind : List.of("Deployment", "Service", "ServiceAccount", "ConfigMap", "HorizontalPodAutoscaler",
                "PodDisruptionBudget", "NetworkPolicy", "ServiceMonitor")) {
            overlay.get(kind, service.name());
        }
        Deployment deployment = StrictModel.read(overlay.get("Deployment", service.name()), Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getServiceAccountName()).isEqualTo(service.name());
        assertThat(pod.getContainers()).hasSize(1);
        Container container = pod.getContainers().get(0);

        assertThat(portNamed(container, "http").getContainerPort()).isEqualTo(service.port());
        assertThat(portNamed(container, "management").getContainerPort()).isEqualTo(Suite.MANAGEMENT_PORT);
        assertProbe(container, container.getLivenessProbe(), "/actuator/health/liveness");
        assertProbe(container, container.getReadinessProbe(), "/actuator/health/readiness");
        assertProbe(container, container.getStartupProbe(), "/actuator/health/liveness");

        // The root filesystem is read-only: /tmp must be an emptyDir.
        String tmpVolume = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                .findFirst().orElseThrow(() -> new AssertionError(service + " has no /tmp mount")).getName();
        Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmpVolume)).findFirst().orElseThrow();
        assertThat(volume.getEmptyDir()).as(service + " /tmp is an emptyDir").isNotNull();

        if (List.of("intake-service", "notification-service", "reporting-service").contains(service.name())) {
            // Their keys (identity encryption, webhook signing) come from a Secret created by hand.
            assertThat(container.getEnvFrom()).as(service + " reads its keys from its Secret").anyMatch(source ->
                    source.getSecretRef() != null && source.getSecretRef().getName().equals(service.name() + "-secrets")
                            && !Boolean.TRUE.equals(source.getSecretRef().getOptional()));
        }
        Map<String, String> env = environment(overlay, container);
        assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "kubernetes")
                .containsEntry("PORT", String.valueOf(service.port()))
                .containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(Suite.MANAGEMENT_PORT));
        if (service.isGateway()) {
            for (Suite backend : Suite.SERVICES.subList(1, Suite.SERVICES.size())) {
                assertThat(env).containsEntry(backend.urlVariable(),
                        "http://" + backend.name() + ":" + backend.port());
                overlay.get("Service", backend.name());
            }
        } else {
            assertThat(env).containsKey("KAFKA_BOOTSTRAP");
            assertThat(env).containsEntry("MONGO_DATABASE", service.database());
            assertThat(container.getEnv()).anyMatch(e -> e.getName().equals("MONGO_URI"));
        }

        HorizontalPodAutoscaler hpa = StrictModel.read(overlay.get("HorizontalPodAutoscaler", service.name()),
                HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(service.name());
        assertThat(hpa.getSpec().getMinReplicas()).isPositive().isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
        assertThat(hpa.getSpec().getMetrics()).isNotEmpty();
        // The autoscaler owns the count: a count in the Deployment would be reset on every apply.
        assertThat(deployment.getSpec().getReplicas()).as(service + " Deployment leaves replicas to its HPA").isNull();

        PodDisruptionBudget pdb = StrictModel.read(overlay.get("PodDisruptionBudget", service.name()),
                PodDisruptionBudget.class);
        assertThat(Selectors.matches(pdb.getSpec().getSelector(), deployment.getSpec().getTemplate().getMetadata()
                .getLabels())).as(service + " PDB selects its pods").isTrue();
        // A budget that allows no disruption blocks every node drain when a service runs one instance (dev).
        assertThat(pdb.getSpec().getMaxUnavailable()).as(service + " PDB maxUnavailable").isNotNull();
    }

    private static ContainerPort portNamed(Container container, String name) {
        return container.getPorts().stream().filter(p -> name.equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no port named " + name));
    }

    private static void assertProbe(Container container, Probe probe, String path) {
        assertThat(probe).as(container.getName() + " probe on " + path).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as(container.getName() + " HTTP probe").isNotNull();
        assertThat(get.getPath()).isEqualTo(path);
        String port = get.getPort().getStrVal();
        assertThat(port).as("probes use the named management port").isEqualTo("management");
    }

    /**
     * The container's environment as the kubelet builds it, as far as the manifests know it: envFrom ConfigMaps in
     * order, then plain values. Secrets (created by hand) are checked by {@link ManifestReferencesTest}.
     */
    private static Map<String, String> environment(RenderedOverlay overlay, Container container) {
        Map<String, String> env = new HashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() == null) {
                continue;
            }
            ConfigMap map = StrictModel.read(overlay.get("ConfigMap", source.getConfigMapRef().getName()),
                    ConfigMap.class);
            env.putAll(map.getData());
        }
        container.getEnv().stream().filter(e -> e.getValue() != null).forEach(e -> env.put(e.getName(), e.getValue()));
        return env;
    }
}
