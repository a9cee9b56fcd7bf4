package org.xinfang.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xinfang.contracts.vocabulary.RiskSignal;

class RiskDetectorTest {

    private final RiskDetector detector = RiskDetector.standard();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "家长冲进办公室打砸, VIOLENCE",
            "有人砸坏了校门, VIOLENCE",
            "一名保安被打伤, VIOLENCE",
            "有人纵火烧毁车棚, VIOLENCE",
            "几个人哄抢食堂的物品, VIOLENCE",
            "家长扬言要跳楼, DANGER_TO_PEOPLE",
            "学生有自残行为, DANGER_TO_PEOPLE",
            "来访人持刀进入学校, DANGER_TO_PEOPLE",
            "家长拿出菜刀威胁老师, DANGER_TO_PEOPLE",
            "四十名家长堵门, BLOCKING",
            "家长在校门口拉横幅, BLOCKING",
            "已经联系了媒体, MEDIA_ATTENTION",
            "扬言要网上曝光学校, MEDIA_ATTENTION"})
    void affirmedRiskPhrasesRaiseTheirSignal(String text, RiskSignal signal) {
        assertThat(detector.detect("", text).signals()).contains(signal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"老师打电话通知家长", "学生发烧请假", "医生正在抢救", "同学们打扫教室", "食堂的红烧肉太咸",
            "老师对学生冷暴力", "多媒体教室设备老化", "孩子打针后不舒服"})
    void everydayWordsContainingRiskCharactersRaiseNothing(String text) {
        assertThat(detector.detect("", text).signals()).isEmpty();
    }

    @Test
    void aDeniedActRaisesNothingButAnAffirmedOneInTheSameTextDoes() {
        assertThat(detector.detect("", "老师并没有打人，只是批评了几句").signals()).isEmpty();
        RiskDetector.Detection mixed = detector.detect("", "家长没有打人，但是砸坏了办公室的门");
        assertThat(mixed.signals()).containsExactly(RiskSignal.VIOLENCE);
        assertThat(mixed.reasons()).anyMatch(r -> r.contains("'打人' denied by '没有'"))
                .anyMatch(r -> r.contains("'砸坏' → VIOLENCE"));
    }

    @Test
    void theTitleCountsToo() {
        assertThat(detector.detect("家长以跳楼相威胁", "要求退费").signals()).containsExactly(RiskSignal.DANGER_TO_PEOPLE);
    }
}
