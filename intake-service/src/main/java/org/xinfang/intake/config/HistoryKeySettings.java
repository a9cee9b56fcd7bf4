package org.xinfang.intake.config;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The HMAC keys that seal petition histories: {@code keys} maps a key id to a base64 key of 32 bytes or more,
 * {@code current} names the one new entries are sealed with. Rotation: add a key, make it current; seals made with an
 * older key stay verifiable as long as that key stays in the map.
 */
@ConfigurationProperties("xinfang.intake.history-keys")
record HistoryKeySettings(String current, Map<String, String> keys) {
}
