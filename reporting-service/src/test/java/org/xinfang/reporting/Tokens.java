package org.xinfang.reporting;

import java.util.Map;
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.TestIssuer;

/** Bearer tokens from the test issuer for the callers these tests play; each call mints a fresh one. */
final class Tokens {

    private Tokens() {
    }

    /** The bureau's analyst of {@code district}: district figures, its schools, webhooks. */
    static String bureau(String district) {
        return TestIssuer.shared().district(district, Role.BUREAU_ANALYST).bearer();
    }

    /** The clerk of {@code school}: that school's figures only. */
    static String clerk(String district, String school) {
        return TestIssuer.shared().school(district, school, Role.CLERK).bearer();
    }

    /** The district's administrator: webhooks and the operators' rebuild. */
    static String administrator(String district) {
        return TestIssuer.shared().district(district, Role.ADMINISTRATOR).bearer();
    }

    /** The suite's operator, listed in xinfang.reporting.operators: the one who may rebuild. */
    static String operator() {
        return TestIssuer.shared().district("d-east", Role.ADMINISTRATOR).subject(OPERATOR).bearer();
    }

    static final String OPERATOR = "ops-on-call";

    static Map<String, String> asHeaders(String bearer) {
        return Map.of("Authorization", bearer);
    }
}
