package org.xinfang.routing.domain.reading;

import java.util.List;
import java.util.Set;

/**
 * What the words around a finding say about it: denied in front of it in the same clause ("不会动手"); past background
 * ("上次打过架", an act followed by 过); a condition or a worry rather than an event ("万一打起来", "担心…打起来",
 * "…怎么办"); hearsay ("听说", "据说", "有人说"); or a threat, announced or conditional ("扬言要捅", "再不退钱就弄死").
 * Each question answers with the word that decided it, or null, so that a reason can quote it.
 */
public final class Context {

    static final Set<String> NEGATIONS = Set.of("不", "不会", "没有", "没", "并未", "未", "未曾", "从未", "从没", "并没有",
            "从来没有", "从没有", "不要", "别", "千万别", "绝不", "绝对不会", "决不", "不想", "不是", "并非", "不曾", "否认",
            "不再", "并不", "没人", "无人", "脱离", "不准", "杜绝", "不用", "没必要", "不愿", "不打算", "没想");
    /**
     * The denials that deny a topic ("不是收费问题"): narrower than those of an act, because a petition's complaint is
     * so often that something was not done ("不给老师交公积金", "没有发工资") and that is still its subject.
     */
    static final Set<String> TOPIC_NEGATIONS = Set.of("不是", "并非", "不属于", "而不是", "无关", "并不是", "不涉及");
    /** Wishes are not events: "想揍他" said at home is not violence (a threat is judged apart). */
    static final Set<String> WISHES = Set.of("想", "想要", "恨不得", "真想");
    /** Where a denial stops reaching: a turn, or the consequence of a condition ("不给学位就喝农药"). */
    static final Set<String> SCOPE_ENDS = Set.of("但", "但是", "可是", "可", "却", "而是", "就", "便", "才", "结果", "反而",
            "然后", "后来", "现在", "今天", "又");
    static final Set<String> PAST = Set.of("上次", "以前", "之前", "曾经", "曾", "去年", "前年", "上学期", "小时候",
            "早就", "几年前", "多年前", "前几年", "当年", "早年", "那时", "那时候", "以往", "从前");
    static final Set<String> HYPOTHETICAL = Set.of("如果", "万一", "假如", "要是", "一旦", "假设", "倘若", "若", "担心",
            "害怕", "怕", "防止", "以免", "避免", "预防", "生怕", "恐怕", "如若", "假若", "是否", "会不会");
    static final Set<String> QUESTION_ENDS = Set.of("怎么办", "怎么处理", "如何处理", "谁负责", "怎么样");
    static final Set<String> HEARSAY = Set.of("听说", "据说", "传言", "传闻", "网传", "据传", "谣言", "谣传", "传说", "听人说",
            "传", "据悉");
    static final Set<String> THREAT = Set.of("扬言", "威胁", "声称", "放话", "说要", "要", "准备", "打算", "会", "就", "便",
            "找人", "带人", "叫人", "去", "要去", "扬言要", "还要", "迟早", "早晚", "非要", "一定要", "要把", "再");
    /** How far back a denial or a threat may stand. */
    static final int NEGATION_REACH = 4;
    static final int THREAT_REACH = 7;

    private Context() {
    }

    /** The denial in front of words {@code [first, …)} of the clause, or null. */
    public static String negation(Clause clause, int first) {
        List<Word> words = clause.words();
        for (int i = first - 1; i >= 0 && i >= first - NEGATION_REACH; i--) {
            String w = words.get(i).text();
            if (SCOPE_ENDS.contains(w)) {
                return null;
            }
            if (NEGATIONS.contains(w)) {
                return w;
            }
        }
        return null;
    }

    /** The denial of a topic in front of words {@code [first, …)} of the clause, or null. */
    public static String topicNegation(Clause clause, int first) {
        List<Word> words = clause.words();
        for (int i = first - 1; i >= 0 && i >= first - NEGATION_REACH; i--) {
            String w = words.get(i).text();
            if (SCOPE_ENDS.contains(w)) {
                return null;
            }
            if (TOPIC_NEGATIONS.contains(w)) {
                return w;
            }
        }
        return null;
    }

    /** Words that say an act almost happened and so did not: "差点动手", "险些打起来". */
    static final Set<String> NEAR_MISSES = Set.of("差点", "差一点", "险些", "差点儿", "差一点儿", "几乎");

    /**
     * The near miss just in front of an act ("昨天差点动手"), or null. Only for acts by themselves: "差点打死" says
     * the beating happened, and harm is judged apart.
     */
    public static String nearMiss(Clause clause, int first) {
        List<Word> words = clause.words();
        for (int i = first - 1; i >= 0 && i >= first - 2; i--) {
            if (NEAR_MISSES.contains(words.get(i).text())) {
                return words.get(i).text();
            }
        }
        return null;
    }

    /** The wish just in front of an act ("想揍他"), or null. */
    public static String wish(Clause clause, int first) {
        List<Word> words = clause.words();
        for (int i = first - 1; i >= 0 && i >= first - 2; i--) {
            if (WISHES.contains(words.get(i).text())) {
                return words.get(i).text();
            }
        }
        return null;
    }

    /** The marker of past background around the finding, or null: a time word before it, or 过 just after it. */
    public static String past(Clause clause, int first, int end) {
        List<Word> words = clause.words();
        for (int i = end; i < Math.min(words.size(), end + 2); i++) {
            String w = words.get(i).text();
            if (w.equals("过")) {
                return "过";
            }
        }
        for (int i = first - 1; i >= 0; i--) {
            String w = words.get(i).text();
            if (PAST.contains(w)) {
                return w;
            }
        }
        return null;
    }

    /** The condition or worry the finding stands in, or null; the consequence after 就 is not part of it. */
    public static String hypothetical(Clause clause, int first, int end) {
        List<Word> words = clause.words();
        for (int i = first - 1; i >= 0; i--) {
            String w = words.get(i).text();
            if (w.equals("就") || w.equals("便") || w.equals("那就")) {
                break;
            }
            if (HYPOTHETICAL.contains(w)) {
                return w;
            }
        }
        for (int i = end; i < words.size(); i++) {
            if (QUESTION_ENDS.contains(words.get(i).text())) {
                return words.get(i).text();
            }
        }
        return null;
    }

    /** The hearsay the finding is told in, or null: 听说 … in the same clause, or "有人 … 说" before it. */
    public static String hearsay(Clause clause, int first) {
        List<Word> words = clause.words();
        boolean said = false;
        for (int i = first - 1; i >= 0; i--) {
            String w = words.get(i).text();
            if (HEARSAY.contains(w)) {
                return w;
            }
            if (w.equals("说") || w.equals("发帖说") || w.equals("传出")) {
                said = true;
            } else if (said && (w.equals("有人") || w.equals("网上") || w.equals("群里") || w.equals("别人"))) {
                return w + "…说";
            }
        }
        return null;
    }

    /** Conditions whose consequence, after 就, is a threat: "再不退钱就…", "要是…就…", "不给学位就…". */
    static final Set<String> CONDITIONS = Set.of("如果", "要是", "假如", "万一", "一旦", "再不", "不然", "否则", "若",
            "不给", "不解决", "不退", "不处理", "不答应", "还不", "只要", "敢");

    /** Whether a condition stands before word {@code at} of clause {@code c} in the same sentence. */
    private static boolean conditionBefore(Reading reading, int fromClause, int c, int at) {
        List<Clause> clauses = reading.clauses();
        int sentence = clauses.get(fromClause).sentence();
        for (int k = c; k >= 0 && clauses.get(k).sentence() == sentence; k--) {
            List<Word> words = clauses.get(k).words();
            for (int i = (k == c ? at : words.size()) - 1; i >= 0; i--) {
                String w = words.get(i).text();
                if (CONDITIONS.contains(w) || w.startsWith("再不") || w.equals("不") && i + 1 < words.size()
                        && !words.get(i + 1).text().equals("就")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The threat that announces the finding, or null: a threat word within a few words before it in the same
     * sentence, which may reach back over a comma ("他扬言，谁拦就捅谁").
     */
    public static String threat(Reading reading, int clauseIndex, int first) {
        List<Clause> clauses = reading.clauses();
        int sentence = clauses.get(clauseIndex).sentence();
        int seen = 0;
        for (int c = clauseIndex; c >= 0 && clauses.get(c).sentence() == sentence; c--) {
            List<Word> words = clauses.get(c).words();
            for (int i = (c == clauseIndex ? first : words.size()) - 1; i >= 0; i--) {
                if (++seen > THREAT_REACH) {
                    return null;
                }
                String w = words.get(i).text();
                if ((w.equals("就") || w.equals("便")) && !conditionBefore(reading, clauseIndex, c, i)) {
                    continue;
                }
                if (THREAT.contains(w)) {
                    return w;
                }
            }
        }
        return null;
    }
}
