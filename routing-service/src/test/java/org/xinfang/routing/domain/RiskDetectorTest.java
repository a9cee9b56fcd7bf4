package org.xinfang.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
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
    void anActThatAlmostHappenedIsNotViolenceButHarmThatAlmostKilledIs() {
        RiskDetector.Detection almost = detector.detect("", "两个室友天天吵架，昨天差点动手");
        assertThat(almost.signals()).isEmpty();
        assertThat(almost.reasons()).anyMatch(r -> r.contains("差点") && r.contains("不计"));
        assertThat(detector.detect("", "他差点把孩子打死").signals()).contains(RiskSignal.DANGER_TO_PEOPLE);
    }

    @Test
    void aPaneCountedWithShanIsNoSlapButASlapIs() {
        assertThat(detector.detect("", "宿舍还有一扇玻璃裂了用胶带粘着").signals()).isEmpty();
        assertThat(detector.detect("", "老师扇了学生两个耳光").signals()).contains(RiskSignal.VIOLENCE);
    }

    @Test
    void aDeniedActRaisesNothingButAnAffirmedOneInTheSameTextDoes() {
        assertThat(detector.detect("", "老师并没有打人，只是批评了几句").signals()).isEmpty();
        RiskDetector.Detection mixed = detector.detect("", "家长没有打人，但是砸坏了办公室的门");
        assertThat(mixed.signals()).containsExactly(RiskSignal.VIOLENCE);
        assertThat(mixed.reasons()).contains("「打人」前有否定「没有」，不计").contains("风险：「砸坏」 → 打砸抢烧");
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

    /** The cases the phrase lists got wrong, and their neighbours: what the words and their relations decide. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "我们几十个人明天去学校，但绝对不会动手 | -",
            "大家说好了不打人不砸东西，只要个说法 | -",
            "两个孩子上次打过架，这次是作业的事 | -",
            "他以前打过同学，现在改好了 | -",
            "孩子在操场摔倒，膝盖流了很多血 | -",
            "篮球架倒下来砸伤了一名学生 | -",
            "听说校门口有人抢学生的钱，不知真假 | -",
            "万一家长们打起来怎么办 | -",
            "担心两家人在校门口打起来 | -",
            "孩子回家说想揍他，我们劝住了 | -",
            "老师让孩子给作文打分 | -",
            "家长正在砸学校的玻璃门 | VIOLENCE",
            "刚才有人冲进教室把老师打了 | VIOLENCE",
            "几个人把收费处的电脑砸烂了 | VIOLENCE",
            "被同学用凳子砸伤了头 | VIOLENCE",
            "上周他扬言要捅死班主任 | DANGER_TO_PEOPLE",
            "听说他扬言要砍校长 | DANGER_TO_PEOPLE",
            "再不退钱就弄死你们 | DANGER_TO_PEOPLE",
            "如果还不解决，我就从楼上跳下去 | DANGER_TO_PEOPLE",
            "孩子说活着没意思不想活了 | DANGER_TO_PEOPLE",
            "一个男的拿着菜刀站在校门口 | DANGER_TO_PEOPLE",
            "家长坐在教室里不走，老师没法上课 | BLOCKING",
            "三十多人堵住了学校后门 | BLOCKING",
            "我们不会堵门，也不会闹 | -",
            "再不处理就找记者曝光 | MEDIA_ATTENTION",
            "我们不想发到网上，也不会找媒体 | -",
            "家長正在砸學校的窗戶！！ | VIOLENCE",
            "😡😡他说要打死那个老师😡 | DANGER_TO_PEOPLE",
            "有人在校门口打学生快来人 | VIOLENCE"})
    void wordsAndTheirRelationsDecide(String text, String expected) {
        RiskDetector.Detection d = detector.detect("", text);
        Set<RiskSignal> critical = EnumSet.noneOf(RiskSignal.class);
        for (RiskSignal s : d.signals()) {
            if (s != RiskSignal.MEDIA_ATTENTION || expected.equals("MEDIA_ATTENTION") || expected.equals("-")) {
                critical.add(s);
            }
        }
        if (expected.equals("-")) {
            assertThat(critical).as(d.reasons().toString()).isEmpty();
        } else {
            assertThat(critical).as(d.reasons().toString()).contains(RiskSignal.valueOf(expected));
        }
    }

    @Test
    void everyDecisionQuotesItsWordsInChinese() {
        RiskDetector.Detection d = detector.detect("", "上次打过架，这次他扬言要捅死班主任，大家不会动手");
        assertThat(d.signals()).containsExactly(RiskSignal.DANGER_TO_PEOPLE);
        assertThat(d.reasons()).anyMatch(r -> r.startsWith("「打…架」是过去的背景"))
                .anyMatch(r -> r.startsWith("风险：「捅死」，前有「要」") && r.contains("不论时态"))
                .anyMatch(r -> r.contains("「动手」前有否定「不会」，不计"));
    }
}
