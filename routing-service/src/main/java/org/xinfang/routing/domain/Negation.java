package org.xinfang.routing.domain;

import java.util.List;

/**
 * Decides whether a phrase is denied by a cue just in front of it in the same clause: "没有打人", "并未发生打架",
 * "不是收费问题". The cue may stand a few characters away ("没有任何人受伤") but not across punctuation or a
 * turn such as "但", and look-alikes that are not denials ("未成年", "无故", "没收") never count.
 */
public final class Negation {

    /** Longer cues first, so "并没有" is reported rather than "没有". */
    static final List<String> CUES = List.of(
            "并没有", "从来没有", "从没有", "不存在", "没有", "并未", "从未", "未曾", "未", "不是", "并非", "并不", "无人",
            "不曾", "没", "否认", "杜绝");
    static final List<String> LOOK_ALIKES = List.of(
            "未成年", "未来", "未满", "未经", "未按", "未及时", "未能", "没收", "没完没了", "未果", "无故", "不是第一次", "否认不了");
    /** How many characters may stand between the cue and the phrase. */
    static final int MAX_GAP = 4;

    /** The last characters of the cues: most positions end in none of them, and are passed over at once. */
    private static final String CUE_ENDINGS = lastCharacters();
    private static final String CLAUSE_BREAKS = "，。；！？,.;!?：:、\n\r（）()“”\"";
    private static final String TURNS = "但却而可";

    /** The default denial cues of Chinese petitions. */
    public static Negation standard() {
        return new Negation();
    }

    /** The cue that denies a phrase starting at {@code start}, or null; the cue must begin at or after {@code from}. */
    String cueBefore(String text, int start, int from) {
        for (int gap = 0; gap <= MAX_GAP && start - gap > from; gap++) {
            if (gap > 0) {
                char between = text.charAt(start - gap);
                if (CLAUSE_BREAKS.indexOf(between) >= 0 || TURNS.indexOf(between) >= 0) {
                    return null;
                }
            }
            int end = start - gap;
            if (CUE_ENDINGS.indexOf(text.charAt(end - 1)) < 0) {
                continue;
            }
            for (String cue : CUES) {
                int cueStart = end - cue.length();
                if (cueStart >= from && text.startsWith(cue, cueStart) && !lookAlikeAt(text, cueStart)) {
                    return cue;
                }
            }
        }
        return null;
    }

    private static String lastCharacters() {
        StringBuilder endings = new StringBuilder();
        for (String cue : CUES) {
            char last = cue.charAt(cue.length() - 1);
            if (endings.indexOf(String.valueOf(last)) < 0) {
                endings.append(last);
            }
        }
        return endings.toString();
    }

    private static boolean lookAlikeAt(String text, int at) {
        for (String lookAlike : LOOK_ALIKES) {
            if (text.startsWith(lookAlike, at)) {
                return true;
            }
        }
        return false;
    }
}
