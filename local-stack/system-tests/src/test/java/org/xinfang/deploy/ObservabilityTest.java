package org.xinfang.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xinfang.contracts.topic.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Operators hear what they must: every service is scraped on its actuator Prometheus endpoint, the alert rules cover
 * a service down, consumer lag, dead-letter growth, overdue petitions and failing alert deliveries, each alert is
 * explained in docs/operations.md, Kafka Exporter feeds the Kafka alerts, and the Grafana dashboard shows the same
 * figures.
 */
class ObservabilityTest {

    /** The five things issue #8 names, by the alert that covers each. */
    private static final Set<String> REQUIRED_ALERTS = Set.of("XinfangServiceDown", "XinfangConsumerLag",
            "XinfangDeadLetterGrowth", "XinfangPetitionsOverdue", "XinfangAlertDeliveryFailures");

    @TestFactory
    Stream<DynamicContainer> operatorsHearWhatTheyMust() {
        return RenderedOverlay.all().map(overlay -> DynamicContainer.dynamicContainer(overlay.name(), Stream.of(
                DynamicTest.dynamicTest("each service is scraped on /actuator/prometheus", () -> scraped(overlay)),
                DynamicTest.dynamicTest("the alert rules cover what operators must hear", () -> rules(overlay)),
                DynamicTest.dynamicTest("Kafka Exporter watches every registry topic", () -> exporter(overlay)),
                DynamicTest.dynamicTest("the Grafana dashboard shows the alerts' figures", () -> dashboard(overlay)))));
    }

    private static void scraped(RenderedOverlay overlay) {
        for (Suite service : Suite.SERVICES) {
            ServiceMonitor monitor = StrictModel.read(overlay.get("ServiceMonitor", service.name()), ServiceMonitor.class);
            Service target = StrictModel.read(overlay.get("Service", service.name()), Service.class);
            assertThat(Selectors.matches(monitor.getSpec().getSelector(), target.getMetadata().getLabels()))
                    .as(service + " monitor selects its Service").isTrue();
            assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
                assertThat(endpoint.getPath()).isEqualTo("/actuator/prometheus");
                assertThat(target.getSpec().getPorts()).anyMatch(p -> p.getName().equals(endpoint.getPort())
                        && p.getPort() == Suite.MANAGEMENT_PORT);
            });
        }
    }

    private static void rules(RenderedOverlay overlay) throws IOException {
        String operations = Files.readString(RenderedOverlay.repositoryRoot().resolve("docs/operations.md"));
        List<Rule> rules = new ArrayList<>();
        overlay.ofKind("PrometheusRule").stream().map(StrictModel.reader(PrometheusRule.class))
                .forEach(r -> r.getSpec().getGroups().forEach(g -> rules.addAll(g.getRules())));
        assertThat(rules.stream().map(Rule::getAlert)).containsAll(REQUIRED_ALERTS).doesNotHaveDuplicates();
        for (Rule rule : rules) {
            String alert = rule.getAlert();
            assertThat(alert).as("every rule is an alert").isNotBlank();
            String expr = rule.getExpr().getStrVal();
            assertThat(balanced(expr)).as(alert + " expression brackets and quotes balance: " + expr).isTrue();
            assertThat(expr).as(alert + " is scoped to the suite's namespace").contains("namespace=\"xinfang\"");
            assertThat(rule.getLabels()).as(alert).containsKey("severity");
            assertThat(rule.getLabels().get("severity")).isIn("warning", "critical");
            assertThat(rule.getAnnotations()).as(alert).containsKeys("summary", "description", "runbook_url");
            String anchor = alert.toLowerCase(Locale.ROOT);
            assertThat(rule.getAnnotations().get("runbook_url")).isEqualTo("docs/operations.md#" + anchor);
            assertThat(operations).as("docs/operations.md explains " + alert).contains("### " + alert + "\n");
            if (rule.getFor() != null) {
                assertThat(rule.getFor()).matches("\\d+[smh]");
            }
        }
    }

    private static void exporter(RenderedOverlay overlay) {
        Kafka kafka = StrictModel.read(overlay.ofKind("Kafka").get(0), Kafka.class);
        assertThat(kafka.getSpec().getKafkaExporter()).as("Kafka Exporter (lag and offsets)").isNotNull();
        String topics = kafka.getSpec().getKafkaExporter().getTopicRegex();
        assertThat(Topics.allNames()).allMatch(name -> name.matches(topics));
        assertThat(overlay.find("PodMonitor", "kafka")).as("the exporter's metrics are scraped").isPresent();
    }

    private static void dashboard(RenderedOverlay overlay) throws Exception {
        ConfigMap map = StrictModel.read(overlay.get("ConfigMap", "xinfang-grafana-dashboard"), ConfigMap.class);
        assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(map.getData()).hasSize(1);
        JsonNode dashboard = RenderedOverlay.json().readTree(map.getData().values().iterator().next());
        assertThat(dashboard.path("uid").asString()).isNotBlank();
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("title").asString()).isNotBlank();
            assertThat(panel.path("targets").isEmpty()).as(panel.path("title").asString() + " has queries").isFalse();
            StreamSupport.stream(panel.path("targets").spliterator(), false)
                    .map(t -> t.path("expr").asString()).forEach(expressions::add);
        }
        assertThat(expressions).allMatch(ObservabilityTest::balanced);
        for (String metric : List.of("up{", "kafka_consumergroup_lag", "kafka_topic_partition_current_offset",
                "xinfang_petitions_overdue", "xinfang_alert_deliveries_total")) {
            assertThat(expressions).as("a panel shows " + metric).anyMatch(e -> e.contains(metric));
        }
    }

    /** Brackets nest and quotes close, outside of quoted strings. */
    static boolean balanced(String expression) {
        StringBuilder open = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> quoted = true;
                case '(', '[', '{' -> open.append(c);
                case ')', ']', '}' -> {
                    if (open.isEmpty() || "([{".indexOf(open.charAt(open.length() - 1)) != ")]}".indexOf(c)) {
                        return false;
                    }
                    open.setLength(open.length() - 1);
                }
                default -> {
                }
            }
        }
        return !quoted && open.isEmpty();
    }
}
