package org.xinfang.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Rules the API server enforces that a typed model cannot see: name and label syntax, a workload's selector matching
 * its own pod template, volume mounts naming existing volumes, unique container and port names, one handler per probe,
 * a disruption budget with exactly one bound. An object breaking one of these is refused by {@code kubectl apply}.
 */
final class ApiServerRules {

    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS_LABEL = Pattern.compile(LABEL);
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
    private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");
    private static final Pattern PORT_NAME = Pattern.compile(LABEL);
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
    private static final Pattern CONFIG_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    /** Kinds whose names must be DNS labels (no dots), not just subdomains. */
    private static final Set<String> LABEL_NAMED = Set.of("Namespace", "Service", "Deployment", "StatefulSet");

    private ApiServerRules() {
    }

    static List<String> violations(JsonNode object) {
        List<String> violations = new ArrayList<>();
        String kind = object.path("kind").asString();
        String name = RenderedOverlay.nameOf(object);
        String where = kind + "/" + name + ": ";
        Pattern namePattern = LABEL_NAMED.contains(kind) ? DNS_LABEL : DNS_SUBDOMAIN;
        if (!namePattern.matcher(name).matches() || name.length() > (LABEL_NAMED.contains(kind) ? 63 : 253)) {
            violations.add(where + "invalid name");
        }
        labels(where + "metadata.labels ", object.at("/metadata/labels"), violations);
        if (kind.equals("ConfigMap")) {
            object.path("data").propertyNames().forEach(key -> {
                if (!CONFIG_KEY.matcher(key).matches()) {
                    violations.add(where + "invalid data key " + key);
                }
            });
        }
        if (kind.equals("PodDisruptionBudget")) {
            JsonNode spec = object.path("spec");
            if (spec.has("minAvailable") == spec.has("maxUnavailable")) {
                violations.add(where + "needs exactly one of minAvailable and maxUnavailable");
            }
        }
        if (PodHardening.podTemplate(object).isPresent() && !kind.equals("CronJob")) {
            PodTemplateSpec template = StrictModel.read(object.at("/spec/template"), PodTemplateSpec.class);
            labels(where + "template labels ", object.at("/spec/template/metadata/labels"), violations);
            if (!kind.equals("Job")) {
                LabelSelector selector = StrictModel.read(object.at("/spec/selector"), LabelSelector.class);
                if (!Selectors.matches(selector, Optional.ofNullable(template.getMetadata().getLabels())
                        .orElse(Map.of()))) {
                    violations.add(where + "selector does not match the pod template's labels");
                }
            }
            // A StatefulSet's claim templates are volumes of its pods too.
            Set<String> claims = new HashSet<>();
            object.at("/spec/volumeClaimTemplates").forEach(c -> claims.add(c.at("/metadata/name").asString()));
            pod(where, template, claims, violations);
        }
        return violations;
    }

    private static void pod(String where, PodTemplateSpec template, Set<String> claims, List<String> violations) {
        Set<String> volumes = new HashSet<>(claims);
        for (Volume volume : Optional.ofNullable(template.getSpec().getVolumes()).orElse(List.of())) {
            if (!volumes.add(volume.getName())) {
                violations.add(where + "volume " + volume.getName() + " declared twice");
            }
        }
        Set<String> containerNames = new HashSet<>();
        Stream.concat(template.getSpec().getContainers().stream(),
                Optional.ofNullable(template.getSpec().getInitContainers()).orElse(List.of()).stream())
                .forEach(container -> {
                    String at = where + "container " + container.getName() + ": ";
                    if (!DNS_LABEL.matcher(container.getName()).matches() || !containerNames.add(container.getName())) {
                        violations.add(at + "invalid or repeated container name");
                    }
                    if (container.getImage() == null || container.getImage().isBlank()) {
                        violations.add(at + "no image");
                    }
                    container(at, container, volumes, violations);
                });
    }

    private static void container(String at, Container container, Set<String> volumes, List<String> violations) {
        Set<String> portNames = new HashSet<>();
        for (ContainerPort port : Optional.ofNullable(container.getPorts()).orElse(List.of())) {
            String portName = port.getName();
            if (portName != null && (portName.length() > 15 || !PORT_NAME.matcher(portName).matches()
                    || !portName.matches(".*[a-z].*") || !portNames.add(portName))) {
                violations.add(at + "invalid or repeated port name " + portName);
            }
        }
        for (VolumeMount mount : Optional.ofNullable(container.getVolumeMounts()).orElse(List.of())) {
            if (!volumes.contains(mount.getName())) {
                violations.add(at + "mounts volume " + mount.getName() + ", which the pod does not declare");
            }
        }
        Optional.ofNullable(container.getEnv()).orElse(List.of()).forEach(env -> {
            if (!ENV_NAME.matcher(env.getName()).matches()) {
                violations.add(at + "invalid environment variable name " + env.getName());
            }
        });
        for (Probe probe : Stream.of(container.getLivenessProbe(), container.getReadinessProbe(),
                container.getStartupProbe()).filter(p -> p != null).toList()) {
            long handlers = Stream.of(probe.getHttpGet(), probe.getTcpSocket(), probe.getExec(), probe.getGrpc())
                    .filter(h -> h != null).count();
            if (handlers != 1) {
                violations.add(at + "a probe needs exactly one handler, has " + handlers);
            }
            if (probe.getHttpGet() != null && probe.getHttpGet().getPort().getStrVal() != null
                    && !portNames.contains(probe.getHttpGet().getPort().getStrVal())) {
                violations.add(at + "probe on unknown port " + probe.getHttpGet().getPort().getStrVal());
            }
            if (probe.getTcpSocket() != null && probe.getTcpSocket().getPort().getStrVal() != null
                    && !portNames.contains(probe.getTcpSocket().getPort().getStrVal())) {
                violations.add(at + "probe on unknown port " + probe.getTcpSocket().getPort().getStrVal());
            }
        }
    }

    private static void labels(String where, JsonNode labels, List<String> violations) {
        labels.properties().forEach(label -> {
            String key = label.getKey();
            int slash = key.indexOf('/');
            String prefix = slash < 0 ? null : key.substring(0, slash);
            String name = slash < 0 ? key : key.substring(slash + 1);
            String value = label.getValue().isString() ? label.getValue().asString() : null;
            if ((prefix != null && (!DNS_SUBDOMAIN.matcher(prefix).matches() || prefix.length() > 253))
                    || name.isEmpty() || name.length() > 63 || !LABEL_NAME.matcher(name).matches()) {
                violations.add(where + "invalid key " + key);
            }
            if (value == null || value.length() > 63 || !LABEL_NAME.matcher(value).matches()) {
                violations.add(where + "invalid value for " + key + ": " + label.getValue());
            }
        });
    }
}
