package org.xinfang.intake.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

/** The identity and history keys published for the local stack never seal or open anything in the cluster. */
class IdentityKeysInClusterTest {

    private static final String REAL = "q3k4bL0gS0FjN2w5dXZzZkpYYjJQaE1QZ1h4V2tQbnM=";

    private static StandardEnvironment profiles(String... active) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles(active);
        return environment;
    }

    @Test
    void inTheClusterTheDevelopmentKeyCannotBeCurrent() {
        IdentityKeySettings onlyDevelopment = new IdentityKeySettings("dev-1", Map.of("dev-1", StoreConfig.DEVELOPMENT_KEY));
        assertThatThrownBy(() -> new StoreConfig().identityCipher(onlyDevelopment, profiles("kubernetes")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("XINFANG_INTAKE_IDENTITYKEYS_KEYS_dev-1");
        IdentityKeySettings renamed = new IdentityKeySettings("k2026a", Map.of("k2026a", StoreConfig.DEVELOPMENT_KEY));
        assertThatThrownBy(() -> new StoreConfig().identityCipher(renamed, profiles("kubernetes")))
                .as("the published key under another id").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void inTheClusterTheDevelopmentHistoryKeyCannotBeCurrentAndIsDroppedBesideARealOne() {
        HistoryKeySettings onlyDevelopment = new HistoryKeySettings("dev-1",
                Map.of("dev-1", StoreConfig.DEVELOPMENT_HISTORY_KEY));
        assertThatThrownBy(() -> new StoreConfig().historySeal(onlyDevelopment, profiles("kubernetes")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("XINFANG_INTAKE_HISTORYKEYS_KEYS_dev-1");
        HistoryKeySettings both = new HistoryKeySettings("h2026a",
                Map.of("dev-1", StoreConfig.DEVELOPMENT_HISTORY_KEY, "h2026a", REAL));
        assertThatCode(() -> new StoreConfig().historySeal(both, profiles("kubernetes"))).doesNotThrowAnyException();
        assertThatCode(() -> new StoreConfig().historySeal(onlyDevelopment, profiles())).doesNotThrowAnyException();
    }

    @Test
    void inTheClusterTheDevelopmentKeyIsDroppedBesideARealOne() {
        IdentityKeySettings both = new IdentityKeySettings("k2026a",
                Map.of("dev-1", StoreConfig.DEVELOPMENT_KEY, "k2026a", REAL));
        assertThatCode(() -> new StoreConfig().identityCipher(both, profiles("kubernetes"))).doesNotThrowAnyException();
        assertThatCode(() -> new StoreConfig().identityCipher(
                new IdentityKeySettings("dev-1", Map.of("dev-1", StoreConfig.DEVELOPMENT_KEY)), profiles()))
                .as("locally the development key is what lets the suite start").doesNotThrowAnyException();
    }
}
