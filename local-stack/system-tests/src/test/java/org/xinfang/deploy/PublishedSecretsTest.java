package org.xinfang.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Nothing published in the repository for the local stack reaches a cluster: not the development identity key, not
 * the development webhook secret, not a demo client's secret. Every overlay is rendered as the cluster receives it
 * and searched for each of them.
 */
class PublishedSecretsTest {

    private static final Pattern SECRET_LINE = Pattern.compile("secret:\\s*\"([^\"]+)\"");

    static List<String> published() throws IOException {
        Path root = RenderedOverlay.repositoryRoot();
        List<String> values = new ArrayList<>(List.of("local-development-secret",
                "ZGV2LW9ubHktaWRlbnRpdHkta2V5LTMyLWJ5dGVzISE="));
        Matcher demo = SECRET_LINE.matcher(Files.readString(
                root.resolve("local-stack/issuer/src/main/resources/demo-clients.yml")));
        while (demo.find()) {
            values.add(demo.group(1));
        }
        assertThat(values).as("the demo clients' secrets were read").hasSizeGreaterThan(10);
        // The development defaults of every key and secret in the services' own configuration (identity key, public
        // door key, webhook secret, ...): a new one is covered without being listed here.
        List<String> defaults = new ArrayList<>();
        for (Suite service : Suite.SERVICES) {
            ServiceCode.localProfile(service).forEach((property, value) -> {
                String development = ServiceCode.defaultsOf(value);
                if (property.matches("(?i).*(key|secret|password).*") && !development.equals(value)
                        && development.length() >= 16) {
                    defaults.add(development);
                }
            });
        }
        assertThat(defaults).as("development keys of the services' configuration").contains(
                "ZGV2LW9ubHktaWRlbnRpdHkta2V5LTMyLWJ5dGVzISE=", "ZGV2LW9ubHktcHVibGljLWRvb3Ita2V5LTMyLWJ5dGVzIQ==",
                "local-development-secret");
        values.addAll(defaults);
        return values;
    }

    @TestFactory
    Stream<DynamicTest> noOverlayCarriesAValuePublishedForTheLocalStack() throws IOException {
        List<String> published = published();
        return RenderedOverlay.all().map(overlay -> DynamicTest.dynamicTest(overlay.name(), () -> {
            String rendered = overlay.objects().toString();
            assertThat(published).allSatisfy(value -> assertThat(rendered).as(overlay.name()).doesNotContain(value));
            // The services read their secrets from Secrets the operator creates, never from literals in deploy/.
            assertThat(rendered).doesNotContain("\"IDENTITY_KEY_DEV_1\"").doesNotContain("\"WEBHOOK_SECRET\"");
        }));
    }
}
