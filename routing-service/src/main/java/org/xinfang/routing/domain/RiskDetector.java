package org.xinfang.routing.domain;

import static org.xinfang.contracts.vocabulary.RiskSignal.BLOCKING;
import static org.xinfang.contracts.vocabulary.RiskSignal.DANGER_TO_PEOPLE;
import static org.xinfang.contracts.vocabulary.RiskSignal.MEDIA_ATTENTION;
import static org.xinfang.contracts.vocabulary.RiskSignal.VIOLENCE;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xinfang.contracts.vocabulary.RiskSignal;

/**
 * Finds the emergency plan's risk signals in a petition's text: 打、砸、抢、烧 and other violence, danger to people
 * (跳楼, 自残, 持刀 …), blocking gates or classes (堵门), and media or online attention (媒体, 网上曝光). The single
 * characters 打砸抢烧 are only matched inside phrases, because alone they are everywhere (打电话, 抢救, 发烧); shields
 * hide those everyday words. A denied phrase ("没有打人") raises nothing, but any affirmed one does.
 */
public final class RiskDetector {

    static final Map<RiskSignal, String> DEFAULTS = Map.of(
            VIOLENCE, "打砸抢烧 打砸 打人 打伤 殴打 打架 斗殴 群殴 围殴 互殴 大打出手 拳打脚踢 扭打 厮打 推搡 撕扯 动手 动粗 掌掴 "
                    + "扇耳光 打耳光 踢打 砸坏 砸毁 砸烂 砸碎 砸门 砸窗 砸车 砸东西 打砸了 抢夺 抢走 哄抢 抢劫 抢东西 纵火 放火 "
                    + "烧毁 焚烧 点火 烧了 泼汽油 泼油漆 冲击校门 冲击办公室 冲进办公室 围攻 暴力 持械 棍棒 扔石块 扔砖头 掀翻 打死 "
                    + "打成 被打 挨打 被抢 抢钱 抢零花钱 "
                    // How complaints describe a scuffle without the words 打 or 殴: the body, the push, the grab.
                    + "肢体冲突 肢体上的冲突 拉扯 撕打 揪头发 揪住 扯头发 掐脖子 掐住 抓伤 踹门 踹了 踹倒 踹伤 脚踹 踢伤 踢倒 "
                    + "推倒 推了一把 推人 推到地上 一巴掌 耳光 打了起来 打起来 动起手来 动手打 动了手 还手 打群架 群架 暴打 "
                    + "毒打 痛打 围打 打了他 打了她 打了孩子 打了我 打伤了 打得头破血流 打得鼻青脸肿 打出血 冲进学校 闯进学校 "
                    + "强行闯入 砸了 砸玻璃 掀桌子 摔东西 摔椅子 扔椅子 拿椅子 拿棍子 木棍 铁棍 拿着钢管 扔鸡蛋 泼粪 烧车",
            DANGER_TO_PEOPLE, "跳楼 要跳 跳河 跳江 自残 自杀 轻生 割腕 寻死 以死相逼 服毒 喝农药 喝药 持刀 拿刀 带刀 动刀 菜刀 水果刀 "
                    + "砍刀 刀具 匕首 管制刀具 小刀 爬上楼顶 站在楼顶 楼顶 天台边 同归于尽 杀了 要杀 杀人 伤人 扬言报复 报复 威胁要 "
                    + "死亡威胁 人身威胁 割伤自己 伤害自己 自伤 想死 跳下去 跳下来 塔吊 "
                    + "汽油 炸药 爆炸 绑架 劫持 危及生命 生命危险 人身安全受到威胁 不想活 "
                    // Threats and self-harm as petitions put them: a threat is danger before anything happens.
                    + "扬言要杀 扬言要砍 扬言要捅 扬言要打 扬言要报复 扬言弄死 扬言要弄死 扬言要让 扬言不会放过 不会放过他 "
                    + "不会放过你 恐吓 弄死 整死 要他的命 要了他的命 拼了这条命 跟他拼了 和他拼了 跟学校拼了 和学校拼了 "
                    + "跟你们拼了 玉石俱焚 血债血还 寻短见 想不开 一死了之 了结自己 结束生命 轻生念头 遗书 安眠药 "
                    + "吞药 上吊 敌敌畏 自焚 浇汽油 点燃自己 带着煤气罐 扛着煤气罐 带着液化气 炸了学校 把学校炸 炸掉学校 "
                    + "刀子 拿着刀 掏出刀 亮出刀 捅伤 捅死 捅人 捅了 砍人 砍伤 砍死 拿刀砍 站在窗台 站上窗台 爬上窗台 坐在窗台 "
                    + "楼顶边 跳楼轻生",
            BLOCKING, "堵门 堵校门 堵住校门 堵住大门 堵在校门 堵在门口 堵住门口 堵路 围堵 封堵 拉横幅 打横幅 横幅 静坐 聚集 围住 "
                    + "占据办公室 赖在办公室 扰乱教学 无法上课 无法正常上课 影响上课 拦车 拦截 拦住校长 冲击 "
                    + "堵住了学校 堵住了校门 堵住了大门 堵住了门口 堵住学校 堵在学校 堵着门 堵着校门 把校门堵 把大门堵 把门堵 "
                    + "堵大门 围住校门 围在校门 围在门口 聚集在校门 聚集在门口 聚集在学校 打出横幅 举横幅 举牌 挂横幅 静坐示威 "
                    + "不让老师离开 不让校长离开 封锁校门 锁住校门 拦着校车 躺在校门",
            MEDIA_ATTENTION, "媒体 报道 记者 网上曝光 曝光 发到网上 发网上 发在网上 上网发帖 发帖 微博 抖音 快手 视频号 朋友圈 热搜 舆情 "
                    + "电视台 报社 自媒体 网络舆论 网友 转发 直播");

    /** Everyday words that contain a risk phrase without meaning it. */
    static final List<String> SHIELDS = List.of(
            "打电话", "打扫", "打印", "打卡", "打听", "打算", "打针", "打球", "打开", "打招呼", "打扰", "打工", "抢救",
            "抢险", "抢修", "发烧", "烧伤科", "红烧", "烧烤", "暴力拆除", "威胁到教学秩序", "动手术", "动手能力", "动手操作",
            "网友留言", "聚集性", "冷暴力", "言语暴力", "多媒体", "杀毒", "评论转发", "冲击力", "被打扰", "打成一片", "要跳绳", "要跳舞", "动手做",
            // Everyday words around the wider vocabulary: a fried snack, pesticide on vegetables, a leaking roof, a blunder.
            "炸鸡", "油炸", "农药残留", "农药超标", "楼顶漏水", "楼顶的水箱", "楼顶防水", "捅了娄子", "捅了马蜂窝", "打起精神",
            "拉扯孩子", "拉扯大");

    private final PhraseIndex<RiskSignal> index;

    public RiskDetector(List<Phrase<RiskSignal>> phrases) {
        this.index = new PhraseIndex<>(phrases, Negation.standard());
    }

    public static RiskDetector standard() {
        List<Phrase<RiskSignal>> phrases = new ArrayList<>();
        DEFAULTS.forEach((signal, line) -> {
            for (String text : line.split(" ")) {
                phrases.add(new Phrase<>(text, signal, 1));
            }
        });
        SHIELDS.forEach(s -> phrases.add(Phrase.shield(s)));
        return new RiskDetector(phrases);
    }

    public Detection detect(String title, String description) {
        Set<RiskSignal> found = EnumSet.noneOf(RiskSignal.class);
        List<String> reasons = new ArrayList<>();
        for (String text : new String[] {title, description}) {
            if (text == null) {
                continue;
            }
            for (PhraseHit<RiskSignal> hit : index.find(text)) {
                RiskSignal signal = hit.phrase().meaning();
                if (hit.negated()) {
                    reasons.add("risk '" + hit.phrase().text() + "' denied by '" + hit.negatedBy() + "'");
                } else if (found.add(signal)) {
                    reasons.add("text says '" + hit.phrase().text() + "' → " + signal);
                }
            }
        }
        return new Detection(found, reasons);
    }

    public record Detection(Set<RiskSignal> signals, List<String> reasons) {

        public Detection {
            signals = signals.isEmpty() ? Set.of() : Set.copyOf(signals);
            reasons = List.copyOf(reasons);
        }
    }
}
