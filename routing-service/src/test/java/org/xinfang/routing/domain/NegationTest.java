package org.xinfang.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NegationTest {

    private final Negation negation = Negation.standard();

    @ParameterizedTest(name = "{0}: {1} denied by {2}")
    @CsvSource({
            "老师没有打人, 打人, 没有",
            "当天并未发生打架, 打架, 并未",
            "这不是收费问题, 收费, 不是",
            "经核实并没有任何人受伤, 受伤, 并没有",
            "现场无人受伤, 受伤, 无人"})
    void aCueInFrontInTheSameClauseDenies(String text, String phrase, String cue) {
        assertThat(negation.cueBefore(text, text.indexOf(phrase), 0)).isEqualTo(cue);
    }

    @ParameterizedTest(name = "{0}: {1} affirmed")
    @CsvSource({
            "未成年学生被打伤, 打伤",
            "无故殴打学生, 殴打",
            "没有人管，他们就打人, 打人",
            "我们没有办法但他们打人了, 打人",
            "没收手机后打人, 打人",
            "这不是第一次打人, 打人",
            "学校未经同意收费, 收费",
            "家长们多次沟通都没有得到回应之后开始打人, 打人"})
    void lookAlikesDistantCuesAndOtherClausesDoNotDeny(String text, String phrase) {
        assertThat(negation.cueBefore(text, text.indexOf(phrase), 0)).isNull();
    }

    @Test
    void aCueInsideAnEarlierMatchDoesNotDeny() {
        String text = "没有公开竞标";
        assertThat(negation.cueBefore(text, 4, 4)).isNull();
        assertThat(negation.cueBefore(text, 4, 0)).isEqualTo("没有");
    }
}
