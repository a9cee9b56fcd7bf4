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
            "扬言要网上曝光学校, MEDIA_ATTENTION",
            "讨薪人员与保安发生肢体冲突, VIOLENCE",
            "双方推搡起来, VIOLENCE",
            "两人扭打在一起, VIOLENCE",
            "家长在办公室动手了, VIOLENCE",
            "家长揪住老师的衣领, VIOLENCE",
            "孩子被打了一巴掌, VIOLENCE",
            "几个家长冲进学校找老师, VIOLENCE",
            "一名工作人员被推倒在地, VIOLENCE",
            "他扬言要报复班主任, DANGER_TO_PEOPLE",
            "说不解决就跟学校拼了, DANGER_TO_PEOPLE",
            "学生有轻生念头, DANGER_TO_PEOPLE",
            "学生在日记里写了遗书, DANGER_TO_PEOPLE",
            "母亲说要寻死, DANGER_TO_PEOPLE",
            "女生在宿舍割腕, DANGER_TO_PEOPLE",
            "男子爬上楼顶, DANGER_TO_PEOPLE",
            "他带着汽油来到学校, DANGER_TO_PEOPLE",
            "书包里有管制刀具, DANGER_TO_PEOPLE",
            "有人掏出刀子, DANGER_TO_PEOPLE",
            "学生站上窗台要往下跳, DANGER_TO_PEOPLE",
            "家长们堵住了学校大门, BLOCKING",
            "五十多名家长堵住大门, BLOCKING",
            "家长把校门堵了, BLOCKING",
            "家长在门口拉横幅, BLOCKING",
            "家长举牌静坐, BLOCKING"})
    void affirmedRiskPhrasesRaiseTheirSignal(String text, RiskSignal signal) {
        assertThat(detector.detect("", text).signals()).contains(signal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"老师打电话通知家长", "学生发烧请假", "医生正在抢救", "同学们打扫教室", "食堂的红烧肉太咸",
            "老师对学生冷暴力", "多媒体教室设备老化", "孩子打针后不舒服", "食堂卖炸鸡", "蔬菜农药残留超标", "楼顶漏水",
            "学校捅了娄子", "她一个人把孩子拉扯大", "同学们打起精神复习"})
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

    @ParameterizedTest
    @ValueSource(strings = {"双方没有发生肢体冲突", "两人并没有动手", "家长并未推搡工作人员", "没有人堵住大门", "他没有扬言要报复谁",
            "孩子没有轻生念头", "书包里没有管制刀具"})
    void deniedRiskPhrasesRaiseNothing(String text) {
        assertThat(detector.detect("", text).signals()).isEmpty();
    }

    @Test
    void theTitleCountsToo() {
        assertThat(detector.detect("家长以跳楼相威胁", "要求退费").signals()).containsExactly(RiskSignal.DANGER_TO_PEOPLE);
    }
}
