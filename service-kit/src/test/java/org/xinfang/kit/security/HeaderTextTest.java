package org.xinfang.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/** The firewall's header rules, checked by hand, accept and refuse exactly what Spring Security's patterns do. */
class HeaderTextTest {

    @Test
    void controlCharactersAreRefusedAndTabsOnlyInValues() {
        assertThat(HeaderText.VALUE.test("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")).isTrue();
        assertThat(HeaderText.VALUE.test("家长反映食堂卫生问题")).isTrue();
        assertThat(HeaderText.VALUE.test("a\tb")).isTrue();
        assertThat(HeaderText.NAME.test("a\tb")).isFalse();
        assertThat(HeaderText.VALUE.test("a\u0000b")).isFalse();
        assertThat(HeaderText.VALUE.test("a\u007fb")).isFalse();
        assertThat(HeaderText.VALUE.test("a\u0085b")).isFalse();
        assertThat(HeaderText.VALUE.test("a\u0378b")).as("unassigned").isFalse();
        assertThat(HeaderText.VALUE.test(null)).isTrue();
    }

    @Test
    void everyTextIsJudgedAsSpringSecurityJudgesIt() {
        List<String> texts = new ArrayList<>(List.of("", " ", "X-Request-Id", "\t", "\r\n", "😀", "\ud83d", "\ude00x",
                "\u2028", "\u00a0", "\ufffe", "\uffff", "\ue000"));
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) {
                int kind = random.nextInt(4);
                int c = switch (kind) {
                    case 0 -> random.nextInt(0x100);
                    case 1 -> random.nextInt(0x10000);
                    case 2 -> random.nextInt(Character.MAX_CODE_POINT + 1);
                    default -> 0x20 + random.nextInt(0x5f);
                };
                text.appendCodePoint(c);
            }
            texts.add(text.toString());
        }

        for (String text : texts) {
            assertThat(HeaderText.VALUE.test(text)).as("value %s", text.codePoints().boxed().toList())
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(text));
            assertThat(HeaderText.NAME.test(text)).as("name %s", text.codePoints().boxed().toList())
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(text));
        }
    }
}
