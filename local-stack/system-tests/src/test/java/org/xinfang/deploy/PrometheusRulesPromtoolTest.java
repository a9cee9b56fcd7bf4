package org.xinfang.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The alert rules, as Prometheus itself reads them: the rule groups of the rendered PrometheusRule are written out as a
 * plain rules file, which {@code promtool} checks (PromQL syntax, templates) and unit-tests against synthetic series
 * (src/test/resources/deploy/prometheus-rules.test.yml: a service down, a service absent, dead letters, lag on an
 * alert topic, an undeliverable alert). promtool comes from Debian's prometheus package; where it is not installed
 * these two tests are reported as skipped, and {@link ObservabilityTest} still checks the rules' structure.
 */
class PrometheusRulesPromtoolTest {

    private static Path folder;

    @BeforeAll
    static void writeRulesForPromtool() throws Exception {
        PrometheusRule rule = StrictModel.read(RenderedOverlay.of("prod").get("PrometheusRule", "xinfang"),
                PrometheusRule.class);
        folder = Path.of("target", "prometheus-rules").toAbsolutePath();
        Files.createDirectories(folder);
        JsonNode groups = RenderedOverlay.of("prod").get("PrometheusRule", "xinfang").at("/spec");
        assertThat(groups.path("groups").size()).isEqualTo(rule.getSpec().getGroups().size());
        Files.writeString(folder.resolve("rules.yml"), YAMLMapper.builder().build().writeValueAsString(groups),
                StandardCharsets.UTF_8);
        try (InputStream tests = PrometheusRulesPromtoolTest.class.getResourceAsStream(
                "/deploy/prometheus-rules.test.yml")) {
            assertThat(tests).as("the rules' unit tests").isNotNull();
            Files.copy(tests, folder.resolve("prometheus-rules.test.yml"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        assertThat(promtool("check", "rules", "rules.yml")).contains("SUCCESS");
    }

    @Test
    void theAlertsFireOnTheSeriesTheyAreFor() throws Exception {
        assertThat(promtool("test", "rules", "prometheus-rules.test.yml")).contains("SUCCESS");
    }

    private static String promtool(String... arguments) throws Exception {
        Optional<Path> promtool = onPath(System.getenv());
        Assumptions.assumeTrue(promtool.isPresent(), "promtool is not installed (Debian package prometheus)");
        String[] command = new String[arguments.length + 1];
        command[0] = promtool.get().toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Path output = folder.resolve("promtool.out");
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finishes").isTrue();
        String printed = Files.readString(output);
        assertThat(process.exitValue()).as("promtool " + String.join(" ", arguments) + ":\n" + printed).isZero();
        return printed;
    }

    private static Optional<Path> onPath(Map<String, String> environment) {
        for (String dir : Optional.ofNullable(environment.get("PATH")).orElse("").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
