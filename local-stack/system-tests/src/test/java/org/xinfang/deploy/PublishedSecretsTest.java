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
