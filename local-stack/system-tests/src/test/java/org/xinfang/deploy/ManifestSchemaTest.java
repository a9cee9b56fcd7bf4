package org.xinfang.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import tools.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every overlay renders with {@code kubectl kustomize}, and every object it renders is valid against the schema of its
 * kind, offline and strictly (see {@link StrictModel}): Kubernetes kinds, Strimzi's kafka.strimzi.io/v1 kinds and the
 * Prometheus operator's monitoring.coreos.com/v1 kinds; and the API server's own rules that no model sees
 * (see {@link ApiServerRules}).
 */
class ManifestSchemaTest {

    @TestFactory
    Stream<DynamicContainer> everyRenderedObjectMatchesItsSchema() {
        return RenderedOverlay.names().stream().map(overlay -> DynamicContainer.dynamicContainer(overlay,
                RenderedOverlay.of(overlay).objects().stream().map(object -> DynamicTest.dynamicTest(
                        RenderedOverlay.describe(object),
                        () -> {
                            assertThat(StrictModel.problems(object))
                                    .as(overlay + ": " + RenderedOverlay.describe(object)).isEmpty();
                            assertThat(ApiServerRules.violations(object))
                                    .as(overlay + ": " + RenderedOverlay.describe(object)).isEmpty();
                        }))));
    }

    @TestFactory
    Stream<DynamicTest> theApiServersOwnRulesAreChecked() {
        JsonNode valid = RenderedOverlay.of("dev").get("Deployment", "intake-service");
        String container = "/spec/template/spec/containers/0";
        return Stream.of(
                DynamicTest.dynamicTest("the rendered intake Deployment passes",
                        () -> assertThat(ApiServerRules.violations(valid)).isEmpty()),
                DynamicTest.dynamicTest("a selector that misses its own pods", () -> assertThat(ApiServerRules
                        .violations(Mutation.of(valid).set("/spec/selector/matchLabels", "app.kubernetes.io/name",
                                "\"intake\""))).isNotEmpty()),
                DynamicTest.dynamicTest("a mount of an undeclared volume", () -> assertThat(ApiServerRules
                        .violations(Mutation.of(valid).set(container + "/volumeMounts/0", "name", "\"scratch\"")))
                        .anyMatch(v -> v.contains("scratch"))),
                DynamicTest.dynamicTest("a probe on an unknown port", () -> assertThat(ApiServerRules
                        .violations(Mutation.of(valid).set(container + "/readinessProbe/httpGet", "port",
                                "\"admin\""))).anyMatch(v -> v.contains("admin"))),
                DynamicTest.dynamicTest("an upper-case name", () -> assertThat(ApiServerRules
                        .violations(Mutation.of(valid).set("/metadata", "name", "\"Intake\""))).isNotEmpty()),
                DynamicTest.dynamicTest("a label value with a space", () -> assertThat(ApiServerRules
                        .violations(Mutation.of(valid).set("/metadata/labels", "tier", "\"front end\"")))
                        .isNotEmpty()));
    }

    @Test
    void withoutKubectlTheChecksFailWithInstructions() {
        assertThatThrownBy(() -> RenderedOverlay.kubectl(Map.of("PATH", "/nonexistent")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("kubectl is not on the PATH");
        assertThatThrownBy(() -> RenderedOverlay.kubectl(Map.of("KUBECTL", "/nonexistent/kubectl")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("not an executable");
    }

    @TestFactory
    Stream<DynamicTest> strictValidationRejectsWhatTheApiServerWould() {
        JsonNode valid = RenderedOverlay.of("dev").get("Deployment", "gateway");
        return Stream.of(
                DynamicTest.dynamicTest("the rendered gateway Deployment is valid",
                        () -> assertThat(StrictModel.problems(valid)).isEmpty()),
                DynamicTest.dynamicTest("a misspelt field", () -> assertThat(StrictModel.problems(
                        Mutation.of(valid).set("/spec/template/spec/containers/0", "readinesProbe", "{}")))
                        .anyMatch(p -> p.contains("readinesProbe"))),
                DynamicTest.dynamicTest("a number where a string belongs", () -> assertThat(StrictModel.problems(
                        Mutation.of(valid).set("/spec/template/spec/containers/0", "image", "17")))
                        .isNotEmpty()),
                DynamicTest.dynamicTest("a string where a number belongs", () -> assertThat(StrictModel.problems(
                        Mutation.of(valid).set("/spec", "replicas", "\"two\"")))
                        .isNotEmpty()),
                DynamicTest.dynamicTest("an unknown kind", () -> assertThat(StrictModel.problems(
                        Mutation.of(valid).set("", "kind", "\"Deploymant\"")))
                        .anyMatch(p -> p.contains("no schema"))),
                DynamicTest.dynamicTest("an unknown field in a Strimzi resource", () -> assertThat(StrictModel.problems(
                        Mutation.of(RenderedOverlay.of("dev").get("KafkaTopic", "xinfang.petition.received.v1"))
                                .set("/spec", "partition", "3")))
                        .anyMatch(p -> p.contains("partition"))),
                DynamicTest.dynamicTest("an unknown field in a ServiceMonitor", () -> assertThat(StrictModel.problems(
                        Mutation.of(RenderedOverlay.of("dev").get("ServiceMonitor", "gateway"))
                                .set("/spec/endpoints/0", "scrapeInterval", "\"30s\"")))
                        .anyMatch(p -> p.contains("scrapeInterval"))));
    }
}
