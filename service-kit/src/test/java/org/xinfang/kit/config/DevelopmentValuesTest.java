package org.xinfang.kit.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

class DevelopmentValuesTest {

    private static final Set<String> PUBLISHED = Set.of("local-development-secret");

    private static StandardEnvironment environment(String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles(profiles);
        return environment;
    }

    @Test
    void inTheClusterAPublishedMissingOrShortSecretStopsTheStart() {
        StandardEnvironment cluster = environment("kubernetes");
        assertThatThrownBy(() -> DevelopmentValues.refuseInCluster(cluster, "WEBHOOK", "local-development-secret",
                PUBLISHED, 32)).hasMessageContaining("published in the repository");
        assertThatThrownBy(() -> DevelopmentValues.refuseInCluster(cluster, "WEBHOOK", " ", PUBLISHED, 32))
                .hasMessageContaining("not set");
        assertThatThrownBy(() -> DevelopmentValues.refuseInCluster(cluster, "WEBHOOK", "short", PUBLISHED, 32))
                .hasMessageContaining("at least 32");
        assertThatCode(() -> DevelopmentValues.refuseInCluster(cluster, "WEBHOOK", "a".repeat(64), PUBLISHED, 32))
                .doesNotThrowAnyException();
    }

    @Test
    void locallyTheDevelopmentValuesAreWhatLetsTheSuiteStartWithNoSetup() {
        assertThatCode(() -> DevelopmentValues.refuseInCluster(environment(), "WEBHOOK", "local-development-secret",
                PUBLISHED, 32)).doesNotThrowAnyException();
    }
}
