package org.xinfang.reporting.persistence;

/**
 * Map keys in stored documents come from outside (event ids, school and department names); MongoDB forbids dots and a
 * leading dollar in field names, so they are percent-encoded on the way in and decoded on the way out.
 */
final class StoreKeys {

    private StoreKeys() {
    }

    static String encode(String key) {
        return key.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    static String decode(String key) {
        return key.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }
}
