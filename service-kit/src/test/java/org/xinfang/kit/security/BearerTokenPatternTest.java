package org.xinfang.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.access.Role;
import org.xinfang.localstack.testing.TestIssuer;

/** The plain check takes exactly the tokens Spring Security's pattern takes, and leaves everything else to it. */
class BearerTokenPatternTest {

    /** Spring Security's own (ServerBearerTokenAuthenticationConverter). */
    private static final Pattern SPRING = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$",
            Pattern.CASE_INSENSITIVE);

    @Test
    void agreesWithSpringSecuritysPatternOnEveryKindOfHeader() {
        List<String> headers = new ArrayList<>(List.of("Bearer abc", "bearer abc", "BEARER abc.def-ghi_jkl~+/==",
                "Bearer ", "Bearer", "Bearer  abc", "Bearer abc ", "Bearer a=b", "Bearer ==", "Bearer abc==x",
                "Basic dXNlcjpwYXNz", "Bearerabc", "Bearer\tabc", "Bearer ab\u00e9", "Bearer ab\u212a", "Bearer ab\u0131",
                "Bearer abc\n", "Bearer a,b", "", "B", TestIssuer.shared().school("d-east", "s-east-01", Role.CLERK).bearer()));
        Random random = new Random(4);
        String alphabet = "aZ09-._~+/= \t\u00e9\u212a,;\"";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "bEaReR ");
            for (int n = random.nextInt(12); n > 0; n--) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }
        for (String header : headers) {
            Matcher spring = SPRING.matcher(header);
            String expected = spring.matches() ? spring.group("token") : null;
            assertThat(BearerTokenReader.tokenOf(header)).as(header).isEqualTo(expected);
        }
    }
}
