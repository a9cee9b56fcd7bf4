package org.xinfang.deploy;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The hardening every pod of the suite must have, as a list of violations: each container runs as a non-root user
 * with a read-only root filesystem, no privilege escalation, every capability dropped and the runtime's default
 * seccomp profile, with CPU and memory requests and limits and an image pinned to a version; no pod shares the node's
 * network, process or IPC namespaces or mounts a host path; no pod gets a Kubernetes API token it does not need.
 */
final class PodHardening {

    private PodHardening() {
    }

    /** The pod template of a workload object, or empty when the object runs no pods. */
    static Optional<JsonNode> podTemplate(JsonNode object) {
        return Stream.of("/spec/template/spec", "/spec/jobTemplate/spec/template/spec")
                .map(object::at).filter(node -> node.has("containers")).findFirst();
    }

    static List<String> violations(JsonNode workload) {
        String where = RenderedOverlay.describe(workload);
        JsonNode template = podTemplate(workload).orElseThrow(() -> new AssertionError(where + " has no pod template"));
        PodSpec pod = StrictModel.read(template, PodSpec.class);
        List<String> violations = new ArrayList<>();
        PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
        if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                || Boolean.TRUE.equals(pod.getHostIPC())) {
            violations.add(where + " shares a host namespace");
        }
        if (pod.getVolumes() != null && pod.getVolumes().stream().anyMatch(v -> v.getHostPath() != null)) {
            violations.add(where + " mounts a host path");
        }
        if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
            violations.add(where + " mounts a Kubernetes API token (automountServiceAccountToken must be false)");
        }
        List<Container> containers = new ArrayList<>(pod.getContainers());
        Optional.ofNullable(pod.getInitContainers()).ifPresent(containers::addAll);
        for (Container container : containers) {
            violations.addAll(violations(where + " container " + container.getName(), container, podContext));
        }
        return violations;
    }

    private static List<String> violations(String where, Container container, PodSecurityContext pod) {
        List<String> violations = new ArrayList<>();
        SecurityContext context = Optional.ofNullable(container.getSecurityContext()).orElseGet(SecurityContext::new);
        Boolean nonRoot = first(context.getRunAsNonRoot(), pod.getRunAsNonRoot());
        if (!Boolean.TRUE.equals(nonRoot)) {
            violations.add(where + ": runAsNonRoot is not true");
        }
        Long user = first(context.getRunAsUser(), pod.getRunAsUser());
        if (user != null && user == 0) {
            violations.add(where + ": runs as user 0");
        }
        if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
            violations.add(where + ": readOnlyRootFilesystem is not true");
        }
        if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
            violations.add(where + ": allowPrivilegeEscalation is not false");
        }
        if (Boolean.TRUE.equals(context.getPrivileged())) {
            violations.add(where + ": privileged");
        }
        Capabilities capabilities = Optional.ofNullable(context.getCapabilities()).orElseGet(Capabilities::new);
        if (capabilities.getDrop() == null || !capabilities.getDrop().contains("ALL")) {
            violations.add(where + ": capabilities are not all dropped");
        }
        if (capabilities.getAdd() != null && !capabilities.getAdd().isEmpty()) {
            violations.add(where + ": adds capabilities " + capabilities.getAdd());
        }
        SeccompProfile seccomp = first(context.getSeccompProfile(), pod.getSeccompProfile());
        if (seccomp == null || !"RuntimeDefault".equals(seccomp.getType())) {
            violations.add(where + ": seccomp profile is not RuntimeDefault");
        }
        violations.addAll(resourceViolations(where, container.getResources()));
        String image = Optional.ofNullable(container.getImage()).orElse("");
        if (!pinned(image)) {
            violations.add(where + ": image " + image + " is not pinned to a version");
        }
        return violations;
    }

    private static List<String> resourceViolations(String where, ResourceRequirements resources) {
        List<String> violations = new ArrayList<>();
        Map<String, Quantity> requests = resources == null || resources.getRequests() == null
                ? Map.of() : resources.getRequests();
        Map<String, Quantity> limits = resources == null || resources.getLimits() == null
                ? Map.of() : resources.getLimits();
        for (String resource : List.of("cpu", "memory")) {
            Quantity request = requests.get(resource);
            Quantity limit = limits.get(resource);
            if (request == null || limit == null) {
                violations.add(where + ": no " + resource + " request and limit");
            } else if (request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                violations.add(where + ": " + resource + " request " + request + " above its limit " + limit);
            }
        }
        return violations;
    }

    /** An exact version tag or a digest; never "latest", never no tag at all. */
    static boolean pinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon <= slash) {
            return false;
        }
        String tag = image.substring(colon + 1);
        return !tag.isBlank() && !tag.equals("latest") && tag.matches(".*\\d.*");
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        return Stream.of(values).filter(v -> v != null).findFirst().orElse(null);
    }
}
