package org.xinfang.intake.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Decides every header value as Spring Security's strict firewall does. */
class HeaderValueRuleTest {

    /** StrictServerWebExchangeFirewall's own. */
    private static final Pattern SPRING = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void agreesWithTheFirewallsPattern() {
        List<String> values = new ArrayList<>(List.of("", "application/json", "a\tb", "a\nb", "a\rb", "a\u0000b",
                "a\u007fb", "a\u0085b", "a\u009fb", "\u00a0", "家长反映", "\uD83D\uDE00", "\uD83D", "\uDE00x",
                "a\u0378b", "\uFFFF", "\uE000", "\u200B", "\u2028"));
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder value = new StringBuilder();
            for (int n = random.nextInt(6); n >= 0; n--) {
                value.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : (char) (0x20 + random.nextInt(0x5f)));
            }
            values.add(value.toString());
        }
        assertThat(HeaderValueRule.allowed(null)).as("an absent header").isTrue();
        for (String value : values) {
            assertThat(HeaderValueRule.allowed(value)).as("%s", value.codePoints().boxed().toList())
                    .isEqualTo(SPRING.matcher(value).matches());
        }
    }
}
