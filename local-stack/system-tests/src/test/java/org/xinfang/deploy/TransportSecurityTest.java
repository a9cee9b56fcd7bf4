package org.xinfang.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every connection to Kafka and MongoDB in the cluster is TLS and authenticated: the brokers have no listener without
 * TLS and authentication and check every request against ACLs; the MongoDB members require TLS; each service's
 * kubernetes profile and Deployment connect over TLS with the CA mounted and the service's own credentials; the
 * local (default) profile stays as the local stack needs it, plain.
 */
class TransportSecurityTest {

    private static final Pattern MONGO_URI = Pattern.compile("mongodb://[^`\"'\\s]+");

    @TestFactory
    Stream<DynamicContainer> transportIsSecured() {
        return RenderedOverlay.all().map(overlay -> DynamicContainer.dynamicContainer(overlay.name(), Stream.concat(
                Stream.of(
                        DynamicTest.dynamicTest("every Kafka listener requires TLS and authentication",
                                () -> assertThat(listenerViolations(theKafka(overlay))).isEmpty()),
                        DynamicTest.dynamicTest("MongoDB requires TLS", () -> mongoServer(overlay)),
                        DynamicTest.dynamicTest("the replica-set job connects over TLS", () -> replicaSetJob(overlay))),
                Suite.SERVICES.stream().filter(s -> ServiceCode.of(s).usesKafka()).map(service ->
                        DynamicTest.dynamicTest(service + " connects over TLS with its own credentials",
                                () -> serviceClients(overlay, service))))));
    }

    @TestFactory
    Stream<DynamicTest> theLocalProfileStaysPlain() {
        return Suite.SERVICES.stream().filter(s -> !s.isGateway()).map(service -> DynamicTest.dynamicTest(
                service.name(), () -> {
                    Map<String, String> local = ServiceCode.localProfile(service);
                    assertThat(local.keySet()).as(service + ": the local stack has no TLS")
                            .noneMatch(k -> k.startsWith("spring.kafka.security") || k.startsWith("spring.kafka.ssl")
                                    || k.contains("sasl"));
                    assertThat(ServiceCode.defaultsOf(local.get("xinfang.mongo.uri")))
                            .isEqualTo("mongodb://127.0.0.1:27017");
                }));
    }

    @TestFactory
    Stream<DynamicTest> theChecksCatchAPlainListener() {
        Kafka kafka = theKafka(RenderedOverlay.of("prod"));
        GenericKafkaListener plain = new GenericKafkaListener();
        plain.setName("plain");
        plain.setPort(9092);
        plain.setTls(false);
        Kafka withPlain = StrictModel.read(RenderedOverlay.of("prod").ofKind("Kafka").get(0), Kafka.class);
        withPlain.getSpec().getKafka().getListeners().add(plain);
        Kafka open = StrictModel.read(RenderedOverlay.of("prod").ofKind("Kafka").get(0), Kafka.class);
        open.getSpec().getKafka().setAuthorization(null);
        return Stream.of(
                DynamicTest.dynamicTest("the rendered cluster passes",
                        () -> assertThat(listenerViolations(kafka)).isEmpty()),
                DynamicTest.dynamicTest("a plaintext listener", () -> assertThat(listenerViolations(withPlain))
                        .anyMatch(v -> v.contains("plain"))),
                DynamicTest.dynamicTest("no authorization", () -> assertThat(listenerViolations(open))
                        .anyMatch(v -> v.contains("authorization"))));
    }

    static List<String> listenerViolations(Kafka kafka) {
        List<String> violations = new ArrayList<>();
        var spec = kafka.getSpec().getKafka();
        for (GenericKafkaListener listener : spec.getListeners()) {
            if (!listener.isTls()) {
                violations.add("listener " + listener.getName() + " is without TLS");
            }
            if (!(listener.getAuth() instanceof KafkaListenerAuthenticationScramSha512)) {
                violations.add("listener " + listener.getName() + " does not require SCRAM-SHA-512 authentication");
            }
        }
        if (!(spec.getAuthorization() instanceof KafkaAuthorizationSimple simple)) {
            violations.add("no simple authorization: every authenticated client may do everything");
        } else if (simple.getSuperUsers() != null && !simple.getSuperUsers().isEmpty()) {
            // Strimzi's own components are super users without being listed; a service never is.
            violations.add("super users listed: " + simple.getSuperUsers());
        }
        if (kafka.getSpec().getEntityOperator() == null || kafka.getSpec().getEntityOperator().getUserOperator() == null) {
            violations.add("no user operator: the KafkaUsers would get neither credentials nor ACLs");
        }
        return violations;
    }

    private static void mongoServer(RenderedOverlay overlay) {
        StatefulSet mongo = StrictModel.read(overlay.get("StatefulSet", "mongodb"), StatefulSet.class);
        PodSpec pod = mongo.getSpec().getTemplate().getSpec();
        Container mongod = pod.getContainers().stream().filter(c -> c.getName().equals("mongod")).findFirst()
                .orElseThrow();
        List<String> args = mongod.getArgs();
        assertThat(argument(args, "--tlsMode")).isEqualTo("requireTLS");
        String certificate = argument(args, "--tlsCertificateKeyFile");
        String ca = argument(args, "--tlsCAFile");
        assertThat(certificate).isNotNull();
        assertThat(secretBehind(pod, mongod, ca)).as("the CA file").isEqualTo("mongodb-tls");
        // The key and certificate file is put together by an init container from the same Secret.
        assertThat(pod.getInitContainers()).anyMatch(init -> String.join(" ", init.getCommand()).contains(
                fileName(certificate)) && init.getVolumeMounts().stream().anyMatch(m -> "mongodb-tls".equals(
                secretOf(pod, m.getName()))));
        assertThat(mongod.getReadinessProbe().getExec().getCommand()).as("the probe speaks TLS").contains("--tls");
    }

    private static void replicaSetJob(RenderedOverlay overlay) {
        Job job = StrictModel.read(overlay.get("Job", "mongodb-replica-set"), Job.class);
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        String ca = env(container, "MONGO_TLS_CA_FILE").getValue();
        assertThat(secretBehind(pod, container, ca)).as("the job's CA file").isEqualTo("mongodb-tls");
        String script = overlay.objects().stream().filter(o -> "ConfigMap".equals(o.path("kind").asString()))
                .map(StrictModel.reader(ConfigMap.class)).filter(c -> c.getData() != null
                        && c.getData().containsKey("replica-set.js")).findFirst().orElseThrow()
                .getData().get("replica-set.js");
        Matcher uris = MONGO_URI.matcher(script);
        int found = 0;
        while (uris.find()) {
            found++;
            assertThat(uris.group()).as("every connection of the job").contains("${tls}");
        }
        assertThat(found).as("connections in replica-set.js").isPositive();
        assertThat(script).contains("tls=true&tlsCAFile=${encodeURIComponent(env.MONGO_TLS_CA_FILE)}");
    }

    private static void serviceClients(RenderedOverlay overlay, Suite service) {
        Map<String, String> profile = ServiceCode.kubernetesProfile(service);
        Deployment deployment = StrictModel.read(overlay.get("Deployment", service.name()), Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);

        // Kafka: SASL over TLS everywhere (no client of the service may override it), its own user's JAAS line.
        assertThat(profile).containsEntry("spring.kafka.security.protocol", "SASL_SSL")
                .containsEntry("spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("spring.kafka.properties.sasl.jaas.config", "${KAFKA_SASL_JAAS_CONFIG}")
                .containsEntry("spring.kafka.ssl.trust-store-type", "PEM");
        assertThat(profile).allSatisfy((key, value) -> {
            if (key.endsWith("security.protocol")) {
                assertThat(value).as(key).isEqualTo("SASL_SSL");
            }
        });
        EnvVar jaas = env(container, "KAFKA_SASL_JAAS_CONFIG");
        assertThat(jaas.getValueFrom().getSecretKeyRef().getName()).as("the Secret of the service's KafkaUser")
                .isEqualTo(service.name());
        assertThat(jaas.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("sasl.jaas.config");
        overlay.get("KafkaUser", service.name());
        String trustStore = ServiceCode.defaultsOf(profile.get("spring.kafka.ssl.trust-store-location"))
                .replaceFirst("^file:", "");
        assertThat(secretBehind(pod, container, trustStore)).as("Kafka's trust store is the cluster CA")
                .isEqualTo(RenderedOverlay.nameOf(overlay.ofKind("Kafka").get(0)) + "-cluster-ca-cert");

        // MongoDB: TLS in the connection string, the members' CA in the JVM's trust store.
        assertThat(profile).doesNotContainKey("xinfang.mongo.uri");
        String uri = env(container, "MONGO_URI").getValue();
        assertThat(uri).as(service + " MONGO_URI").contains("tls=true").doesNotContain("tls=false")
                .doesNotContain("tlsInsecure").doesNotContain("tlsAllowInvalid");
        String options = env(container, "JDK_JAVA_OPTIONS").getValue();
        Matcher store = Pattern.compile("-Djavax\\.net\\.ssl\\.trustStore=(\\S+)").matcher(options);
        assertThat(store.find()).as("the JVM's trust store is set").isTrue();
        String storeVolume = mountFor(container, store.group(1)).getName();
        Container init = pod.getInitContainers().stream().filter(c -> c.getVolumeMounts().stream()
                .anyMatch(m -> m.getName().equals(storeVolume) && !Boolean.TRUE.equals(m.getReadOnly())))
                .findFirst().orElseThrow(() -> new AssertionError(service + ": nothing writes the trust store"));
        String command = String.join(" ", init.getCommand());
        Matcher imported = Pattern.compile("-importcert .*-file (\\S+)").matcher(command);
        assertThat(imported.find()).as("the init container imports a CA").isTrue();
        assertThat(secretBehind(pod, init, imported.group(1))).as("the imported CA").isEqualTo("mongodb-tls");
    }

    private static Kafka theKafka(RenderedOverlay overlay) {
        return StrictModel.read(overlay.ofKind("Kafka").get(0), Kafka.class);
    }

    /**
     * The Secret a file of the container comes from, checking that only its ca.crt is projected: a client never
     * gets a key.
     */
    private static String secretBehind(PodSpec pod, Container container, String file) {
        VolumeMount mount = mountFor(container, file);
        Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                .orElseThrow();
        SecretVolumeSource secret = volume.getSecret();
        assertThat(secret).as(file + " comes from a Secret").isNotNull();
        assertThat(secret.getItems()).as(file + ": only the CA certificate is projected").singleElement()
                .satisfies(item -> {
                    assertThat(item.getKey()).isEqualTo("ca.crt");
                    assertThat(mount.getMountPath() + "/" + item.getPath()).isEqualTo(file);
                });
        return secret.getSecretName();
    }

    private static String secretOf(PodSpec pod, String volume) {
        return pod.getVolumes().stream().filter(v -> v.getName().equals(volume) && v.getSecret() != null)
                .map(v -> v.getSecret().getSecretName()).findFirst().orElse(null);
    }

    private static VolumeMount mountFor(Container container, String file) {
        return container.getVolumeMounts().stream().filter(m -> file.startsWith(m.getMountPath() + "/")).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " mounts nothing at " + file));
    }

    private static EnvVar env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
    }

    private static String argument(List<String> args, String flag) {
        int at = args.indexOf(flag);
        return at < 0 || at + 1 >= args.size() ? null : args.get(at + 1);
    }

    private static String fileName(String path) {
        return Optional.ofNullable(path).map(p -> p.substring(p.lastIndexOf('/') + 1)).orElse("");
    }
}
