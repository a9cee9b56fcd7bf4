package org.xinfang.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Offline schema validation of rendered objects: each object is read into the model class of its exact apiVersion and
 * kind (fabric8's Kubernetes and Prometheus-operator models, Strimzi's own API classes), and nothing may be left over.
 * The models keep unknown fields in an "additionalProperties" bag instead of failing, so the bag is checked at every
 * depth; scalars of the wrong type (a number where a string belongs, a string where a number belongs) are refused;
 * and the object written back from the model must equal the rendered one, so no value was silently dropped or bent.
 */
final class StrictModel {

    /** Kinds the deploy/ manifests may use, by apiVersion and kind. Anything else is an error, not a skip. */
    static final Map<String, Class<?>> KINDS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class));

    /** fabric8's own (de)serializers (quantities, int-or-string, polymorphic kinds) on a strict Jackson 3 mapper. */
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization(strictMapper(), false);

    private StrictModel() {
    }

    private static JsonMapper strictMapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        // The monitoring model is built for Jackson 2: its "read me as a plain bean" annotation is invisible to
        // Jackson 3, which would then read every nested part as a generic Kubernetes resource. Say it again, in 3.
        for (Class<?> type : monitoringModelClasses()) {
            builder.addMixIn(type, PlainBean.class);
        }
        return builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // A YAML number or boolean where the API wants a string is refused by the API server: here too.
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }

    @JsonDeserialize(using = ValueDeserializer.None.class)
    private abstract static class PlainBean {
    }

    private static List<Class<?>> monitoringModelClasses() {
        String folder = ServiceMonitor.class.getPackageName().replace('.', '/') + "/";
        try (ZipFile jar = new ZipFile(new File(ServiceMonitor.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()))) {
            List<Class<?>> classes = new ArrayList<>();
            for (ZipEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith(folder) && name.endsWith(".class") && !name.contains("$")) {
                    Class<?> type = Class.forName(name.substring(0, name.length() - 6).replace('/', '.'));
                    if (KubernetesResource.class.isAssignableFrom(type) && !type.isInterface()) {
                        classes.add(type);
                    }
                }
            }
            return classes;
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the monitoring model classes", e);
        }
    }

    /** The typed model of a rendered object; throws {@link AssertionError} naming the object and the faulty path. */
    static <T> T read(JsonNode object, Class<T> type) {
        try {
            return SERIALIZATION.convertValue(object, type);
        } catch (Exception e) {
            throw new AssertionError(RenderedOverlay.describe(object) + " does not match " + type.getName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** {@link #read} as a function, for streams of rendered objects. */
    static <T> Function<JsonNode, T> reader(Class<T> type) {
        return node -> read(node, type);
    }

    /** Validates one object and returns the problems found (empty when it is valid). */
    static List<String> problems(JsonNode object) {
        List<String> problems = new ArrayList<>();
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        Class<?> type = KINDS.get(apiVersion + "/" + kind);
        if (type == null) {
            problems.add("no schema for apiVersion " + apiVersion + " kind " + kind + " (known: "
                    + KINDS.keySet().stream().sorted().toList() + ")");
            return problems;
        }
        if (type.getPackageName().startsWith("io.strimzi") && !apiVersion.equals("kafka.strimzi.io/v1")) {
            problems.add("Strimzi resources use kafka.strimzi.io/v1; older versions are deprecated");
        }
        if (HasMetadata.class.isAssignableFrom(type) && !type.getPackageName().startsWith("io.strimzi")) {
            @SuppressWarnings("unchecked")
            String modelApiVersion = HasMetadata.getApiVersion((Class<? extends HasMetadata>) type);
            if (!apiVersion.equals(modelApiVersion)) {
                problems.add("apiVersion " + apiVersion + " but the model is " + modelApiVersion);
            }
        }
        Object model;
        try {
            model = SERIALIZATION.convertValue(object, type);
        } catch (Exception e) {
            problems.add(e.getMessage());
            return problems;
        }
        walk(model, "", problems, 0);
        JsonNode written = RenderedOverlay.json().readTree(SERIALIZATION.asJson(model));
        List<String> dropped = new ArrayList<>();
        diff(object, written, "", problems, dropped);
        for (String path : dropped) {
            if (!isDefault(object, type, written, path)) {
                problems.add("field dropped by the model at " + path);
            }
        }
        return problems;
    }

    /**
     * Models leave out a field that holds its default value when they write. Such a field is fine: reading the object
     * without it gives the same model.
     */
    private static boolean isDefault(JsonNode object, Class<?> type, JsonNode written, String path) {
        JsonNode without = object.deepCopy();
        int slash = path.lastIndexOf('/');
        JsonNode parent = without.at(path.substring(0, slash));
        if (!(parent instanceof tools.jackson.databind.node.ObjectNode parentObject)) {
            return false;
        }
        parentObject.remove(path.substring(slash + 1));
        try {
            Object model = SERIALIZATION.convertValue(without, type);
            return RenderedOverlay.json().readTree(SERIALIZATION.asJson(model)).equals(written);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Every unknown field left in a model's additionalProperties, and every deprecated field that is set. */
    private static void walk(Object value, String path, List<String> problems, int depth) {
        if (value == null || depth > 40 || isScalar(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, problems, depth + 1));
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(item, path + "[" + i++ + "]", problems, depth + 1);
            }
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.strimzi")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (Modifier.isStatic(getter.getModifiers()) || getter.getParameterCount() != 0
                    || getter.getDeclaringClass() == Object.class || !isGetter(getter.getName())) {
                continue;
            }
            Object child = invoke(getter, value);
            if (getter.getName().startsWith("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add("unknown field(s) " + extra.keySet() + " at " + (path.isEmpty() ? "/" : path));
                }
                continue;
            }
            String childPath = path + "." + propertyName(getter.getName());
            if (getter.isAnnotationPresent(Deprecated.class) && isSet(child)) {
                problems.add("deprecated field set at " + childPath);
            }
            walk(child, childPath, problems, depth + 1);
        }
    }

    /** Fields in the rendered object that the model did not keep, or kept with another value. */
    private static void diff(JsonNode rendered, JsonNode written, String path, List<String> problems,
            List<String> dropped) {
        if (rendered.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = rendered.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode other = written == null ? null : written.get(field.getKey());
                String fieldPath = path + "/" + field.getKey();
                if (fieldPath.equals("/apiVersion")) {
                    // Checked above; some models write their storage version back.
                    continue;
                }
                if (other == null || other.isNull()) {
                    if (!isEmptyContainer(field.getValue()) && !field.getValue().isNull()) {
                        dropped.add(fieldPath);
                    }
                } else {
                    diff(field.getValue(), other, fieldPath, problems, dropped);
                }
            }
        } else if (rendered.isArray()) {
            if (written == null || !written.isArray() || written.size() != rendered.size()) {
                problems.add("list changed by the model at " + path);
                return;
            }
            for (int i = 0; i < rendered.size(); i++) {
                diff(rendered.get(i), written.get(i), path + "/" + i, problems, dropped);
            }
        } else if (!sameScalar(rendered, written)) {
            problems.add("value at " + path + " read as " + written + ", written " + rendered);
        }
    }

    private static boolean sameScalar(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static boolean isEmptyContainer(JsonNode node) {
        return (node.isObject() || node.isArray()) && node.isEmpty();
    }

    private static boolean isScalar(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof Character || value.getClass().isPrimitive()
                || value instanceof JsonNode;
    }

    private static boolean isSet(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        return !(value instanceof Boolean b) || b;
    }

    private static boolean isGetter(String name) {
        return (name.startsWith("get") && name.length() > 3) || (name.startsWith("is") && name.length() > 2);
    }

    private static String propertyName(String getter) {
        String bare = getter.startsWith("is") ? getter.substring(2) : getter.substring(3);
        return Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }
}
