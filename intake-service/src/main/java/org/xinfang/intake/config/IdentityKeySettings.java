package org.xinfang.intake.config;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The AES keys that seal petitioners' identity: {@code keys} maps a key id to a base64 key, {@code current} names the
 * one new records use. Rotation: add a key, make it current; old records stay readable under their own key id.
 */
@ConfigurationProperties("xinfang.intake.identity-keys")
record IdentityKeySettings(String current, Map<String, String> keys) {
}
