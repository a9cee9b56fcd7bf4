package org.xinfang.notification.domain;

import java.util.stream.Collectors;
import org.xinfang.contracts.event.Situation;
import org.xinfang.contracts.vocabulary.Form;

/**
 * How alerts name a petition and what is happening, from the routed petition's situation only: the number people
 * say on the phone, the school, the place, the headcount and the risk signals. Never the petition's text or who
 * petitioned: the department complained about may read these words.
 */
public final class PetitionWords {

    private PetitionWords() {
    }

    /** The number, which opens with the school's short name; a petition from before numbers: its school. */
    static String shortCaption(Situation s) {
        if (s != null && s.number() != null) {
            return s.number();
        }
        return s != null && s.schoolName() != null ? s.schoolName() + "信访事项" : "信访事项（无编号）";
    }

    /** The school's full name and the number: 东区第一小学 东区一小〔2026〕17号. */
    public static String caption(Situation s) {
        if (s == null) {
            return "信访事项（无编号）";
        }
        String school = s.schoolName() == null ? "" : s.schoolName() + " ";
        return school + (s.number() == null ? "信访事项（无编号）" : s.number());
    }

    /** 学校正门，12人集体访，打砸抢烧 — what a person arriving must expect; empty when nothing is known. */
    static String scene(Situation s) {
        if (s == null) {
            return "";
        }
        StringBuilder scene = new StringBuilder();
        if (s.place() != null && !s.place().isBlank()) {
            scene.append(s.place().strip()).append("，");
        }
        scene.append(s.headcount()).append("人").append(s.form() == Form.GROUP ? "集体访" : "来访");
        if (!s.riskSignals().isEmpty()) {
            scene.append("，").append(signals(s));
        }
        return scene.toString();
    }

    static String signals(Situation s) {
        return s.riskSignals().stream().sorted().map(r -> r.chineseName()).collect(Collectors.joining("、"));
    }
}
