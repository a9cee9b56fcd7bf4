package org.xinfang.routing.domain;

import static org.xinfang.contracts.vocabulary.RiskSignal.BLOCKING;
import static org.xinfang.contracts.vocabulary.RiskSignal.DANGER_TO_PEOPLE;
import static org.xinfang.contracts.vocabulary.RiskSignal.MEDIA_ATTENTION;
import static org.xinfang.contracts.vocabulary.RiskSignal.VIOLENCE;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.routing.domain.reading.Clause;
import org.xinfang.routing.domain.reading.Context;
import org.xinfang.routing.domain.reading.Reader;
import org.xinfang.routing.domain.reading.Reading;
import org.xinfang.routing.domain.reading.Word;
import org.xinfang.routing.domain.reading.WordLexicon;

/**
 * Finds the emergency plan's risk signals in a petition's segmented words and how they relate. Violence is a violent
 * verb with what it acts on (a person, property) or with its result (打伤, 砸烂); danger to people is self-harm, a
 * dangerous thing in someone's hands, standing on an edge, or harm threatened against a person; blocking is the gate,
 * an office or classes blocked; media is press or online attention. Then the context decides: a denial in front
 * ("不会动手"), past background ("上次打过架"), a condition or worry ("万一打起来"), hearsay ("听说") each keep a finding
 * from raising its signal, except that a threat against a person is danger whatever the tense and whoever tells it.
 * Every finding, raised or not, leaves a reason in Chinese naming its words.
 */
public final class RiskDetector {

    private enum Kind { ACT, DANGER, HARM, THREAT, BLOCK, MEDIA }

    private final Reader reader;
    private final WordLexicon<Kind> lexicon = new WordLexicon<>();

    public RiskDetector(Reader reader) {
        this.reader = reader;
        add(RiskWords.VIOLENT_ACTS, Kind.ACT);
        add(RiskWords.DANGER, Kind.DANGER);
        add(RiskWords.HARM, Kind.HARM);
        add(RiskWords.THREATS, Kind.THREAT);
        add(RiskWords.BLOCKING, Kind.BLOCK);
        add(RiskWords.MEDIA, Kind.MEDIA);
        reader.segmenter().know(lexicon.texts());
        for (var words : List.of(RiskWords.EDGES, RiskWords.CLIMBING, RiskWords.BLOCKABLE, RiskWords.DANGEROUS_THINGS,
                RiskWords.HANDLING)) {
            reader.segmenter().know(words);
        }
    }

    public static RiskDetector standard() {
        return new RiskDetector(Reader.standard());
    }

    private void add(String words, Kind kind) {
        for (String word : words.split(" ")) {
            lexicon.add(word, kind, 1, "risk");
        }
    }

    public Detection detect(String title, String description) {
        Set<RiskSignal> found = EnumSet.noneOf(RiskSignal.class);
        List<String> reasons = new ArrayList<>();
        for (String text : new String[] {title, description}) {
            if (text != null && !text.isBlank()) {
                read(reader.read(text), found, reasons);
            }
        }
        return new Detection(found, reasons);
    }

    private void read(Reading reading, Set<RiskSignal> found, List<String> reasons) {
        List<Clause> clauses = reading.clauses();
        for (int c = 0; c < clauses.size(); c++) {
            Clause clause = clauses.get(c);
            boolean[] taken = new boolean[clause.words().size()];
            for (WordLexicon.Match<Kind> match : lexicon.find(clause)) {
                Kind kind = match.senses().get(0).meaning();
                if (kind == Kind.ACT && match.text().equals("动手") && followedByNoun(clause, match.end())) {
                    continue;
                }
                for (int i = match.first(); i < match.end(); i++) {
                    taken[i] = true;
                }
                judge(kind, match.text(), reading, c, match.first(), match.end(), personAfter(clause, match.end()),
                        found, reasons);
            }
            List<Word> words = clause.words();
            for (int i = 0; i < words.size(); i++) {
                if (!taken[i]) {
                    relation(reading, c, i, found, reasons);
                }
            }
        }
    }

    /** Findings made of a word and its relation to others: a bare verb and its object, a knife in a hand, an edge. */
    private void relation(Reading reading, int c, int i, Set<RiskSignal> found, List<String> reasons) {
        Clause clause = reading.clauses().get(c);
        List<Word> words = clause.words();
        String word = stem(words.get(i).text());
        if (word.equals("扇") && i > 0 && measured(words.get(i - 1))) {
            return; // 一扇玻璃, 那扇门: a measure word, not a slap
        }
        if (RiskWords.BARE_VERBS.contains(word)) {
            String object = objectOf(clause, i);
            if (object != null) {
                boolean person = !object.startsWith("结果");
                person = person && isPerson(words, object);
                Kind kind = (word.equals("捅") || word.equals("砍")) && person ? Kind.HARM : Kind.ACT;
                judge(kind, words.get(i).text() + "…" + object.replace("结果:", ""), reading, c, i, i + 1, person, found, reasons);
            }
        } else if (word.equals("堵") || word.equals("堵住") || word.equals("堵在")) {
            for (int j = Math.max(0, i - 3); j < Math.min(words.size(), i + 4); j++) {
                if (j < i && !words.get(Math.max(0, j - 1)).text().equals("把")) {
                    continue;
                }
                if (RiskWords.BLOCKABLE.contains(words.get(j).text())) {
                    judge(Kind.BLOCK, word + "…" + words.get(j).text(), reading, c, i, j + 1, false, found, reasons);
                    return;
                }
            }
        } else if (dangerous(word)) {
            for (int j = Math.max(0, i - 3); j < i; j++) {
                if (RiskWords.HANDLING.contains(stem(words.get(j).text()))) {
                    judge(Kind.DANGER, words.get(j).text() + "…" + word, reading, c, j, i + 1, false, found, reasons);
                    return;
                }
            }
        } else if (RiskWords.EDGES.contains(word) || word.endsWith("楼顶")) {
            for (int j = Math.max(0, i - 4); j < i; j++) {
                if (RiskWords.CLIMBING.contains(words.get(j).text())) {
                    judge(Kind.DANGER, words.get(j).text() + "…" + word, reading, c, j, i + 1, false, found, reasons);
                    return;
                }
            }
        }
    }

    /**
     * What a bare verb acts on within the next few words of its clause: a person or property ("打…孩子", "砸…玻璃"), a
     * result ("结果:起来"), or the person it was done to ("被…打"); null when it acts on nothing violent (打…分).
     */
    private static String objectOf(Clause clause, int verb) {
        List<Word> words = clause.words();
        String verbText = stem(words.get(verb).text());
        int next = verb + 1;
        while (next < words.size() && RiskWords.ASPECTS.contains(words.get(next).text())) {
            next++;
        }
        for (int j = verb + 1; j < Math.min(words.size(), verb + 6); j++) {
            String w = words.get(j).text();
            if (RiskWords.NOT_OBJECTS.contains(w) || j > verb + 1 && RiskWords.BARE_VERBS.contains(w)) {
                return null;
            }
            if (j == next && RiskWords.RESULTS.contains(w) && !verbText.equals("摔")) {
                if (w.equals("得") && !verbText.equals("打") && !verbText.equals("揍")) {
                    return null;
                }
                if (RiskWords.INJURIES.contains(w) && !RiskWords.HITTING.contains(verbText) && !actorBefore(words, verb)) {
                    return null;
                }
                return "结果:" + w;
            }
            if (isPerson(words, w) && !verbText.equals("烧") && !verbText.equals("扔") && !verbText.equals("摔")) {
                return w;
            }
            if (RiskWords.PROPERTY.contains(w) || w.endsWith("门") || w.endsWith("窗") || w.endsWith("玻璃")) {
                return verbText.equals("打") || verbText.equals("推") || verbText.equals("揍") ? null : w;
            }
            if (w.equals("，")) {
                break;
            }
        }
        for (int j = verb - 1; j >= Math.max(0, verb - 4); j--) {
            if (words.get(j).text().equals("把") && j + 1 < verb) {
                String held = words.get(j + 1).text();
                if (isPerson(words, held) || RiskWords.PROPERTY.contains(held) || RiskWords.BLOCKABLE.contains(held)) {
                    return held;
                }
            }
            if (words.get(j).text().equals("被") && (j == verb - 1 || isPerson(words, words.get(j + 1).text()))) {
                return "被" + clause.text(j + 1, verb);
            }
        }
        return null;
    }

    /**
     * Whether someone does the act: a person before the verb in its clause, after 被 when there is one ("孩子被同学砸伤"
     * has an actor, "孩子被篮球架砸伤" has none). A falling basketball stand is an accident to report, not violence.
     */
    private static boolean actorBefore(List<Word> words, int verb) {
        int from = 0;
        for (int j = 0; j < verb; j++) {
            if (words.get(j).text().equals("被")) {
                from = j + 1;
            }
        }
        for (int j = from; j < verb; j++) {
            if (isPerson(words, words.get(j).text())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPerson(List<Word> words, String w) {
        if (RiskWords.PEOPLE.contains(w) || w.startsWith("被")) {
            return true;
        }
        for (Word word : words) {
            if (word.text().equals(w)) {
                return word.tagged("nr") || word.tagged("nnt") || word.tagged("rr")
                        || w.length() >= 2 && (w.endsWith("老师") || w.endsWith("校长") || w.endsWith("家长")
                        || w.endsWith("学生") || w.endsWith("主任") || w.endsWith("人员") || w.endsWith("同学"));
            }
        }
        return false;
    }

    /** A numeral or demonstrative, after which 扇 counts doors and panes ("一扇玻璃", "那扇门"). */
    private static boolean measured(Word before) {
        String w = before.text();
        return before.tagged("m") || before.tagged("r") && (w.startsWith("这") || w.startsWith("那") || w.equals("每"))
                || w.endsWith("一") || w.endsWith("两") || w.endsWith("几") || w.equals("这") || w.equals("那");
    }

    private static boolean dangerous(String word) {
        return RiskWords.DANGEROUS_THINGS.contains(word)
                || word.length() >= 2 && word.endsWith("刀") && !RiskWords.HARMLESS_BLADES.contains(word);
    }

    private static boolean personAfter(Clause clause, int end) {
        List<Word> words = clause.words();
        for (int j = end; j < Math.min(words.size(), end + 3); j++) {
            if (isPerson(words, words.get(j).text())) {
                return true;
            }
        }
        return false;
    }

    private static boolean followedByNoun(Clause clause, int end) {
        return end < clause.words().size() && (clause.words().get(end).tagged("n") || clause.words().get(end).text().equals("做"));
    }

    /** A verb as written with its aspect: 砸了 and 打过 are read as 砸 and 打 (the 过 still counts as past). */
    private static String stem(String word) {
        if (word.length() == 2 && (word.endsWith("了") || word.endsWith("过") || word.endsWith("着"))
                && RiskWords.BARE_VERBS.contains(word.substring(0, 1))) {
            return word.substring(0, 1);
        }
        return word;
    }

    private void judge(Kind kind, String words, Reading reading, int c, int first, int end, boolean againstPerson,
                       Set<RiskSignal> found, List<String> reasons) {
        Clause clause = reading.clauses().get(c);
        String quoted = "「" + words + "」";
        String denial = Context.negation(clause, first);
        if (denial != null) {
            reasons.add(quoted + "前有否定「" + denial + "」，不计");
            return;
        }
        String condition = Context.hypothetical(clause, first, end);
        if (condition != null) {
            reasons.add(quoted + "在假设或担心里（「" + condition + "」），不计");
            return;
        }
        String nearMiss = kind == Kind.ACT ? Context.nearMiss(clause, first) : null;
        if (nearMiss != null) {
            reasons.add(quoted + "前有「" + nearMiss + "」，没有发生，不计");
            return;
        }
        boolean pastTense = clause.words().get(first).text().endsWith("过");
        String wish = kind == Kind.ACT ? Context.wish(clause, first) : null;
        String threat = Context.threat(reading, c, first);
        if (kind == Kind.THREAT || kind == Kind.HARM && (threat != null || againstPerson)
                || threat != null && againstPerson && (kind == Kind.ACT || kind == Kind.DANGER)) {
            raise(DANGER_TO_PEOPLE, quoted + (threat == null ? "" : "，前有「" + threat + "」")
                    + "：威胁或伤害他人，不论时态 → 人身危险", found, reasons);
            return;
        }
        if (kind == Kind.MEDIA) {
            raise(MEDIA_ATTENTION, quoted + " → 媒体或网络关注", found, reasons);
            return;
        }
        if (wish != null) {
            reasons.add(quoted + "只是想法（「" + wish + "」），不计");
            return;
        }
        String heard = Context.hearsay(clause, first);
        if (heard != null) {
            reasons.add(quoted + "是传闻（「" + heard + "」），不计");
            return;
        }
        String past = pastTense ? "过" : Context.past(clause, first, end);
        if (past != null) {
            reasons.add(quoted + "是过去的背景（「" + past + "」），不计");
            return;
        }
        switch (kind) {
            case ACT -> raise(VIOLENCE, quoted + (threat == null ? "" : "，前有「" + threat + "」") + " → 打砸抢烧", found, reasons);
            case DANGER, HARM -> raise(DANGER_TO_PEOPLE, quoted + " → 人身危险", found, reasons);
            case BLOCK -> raise(BLOCKING, quoted + " → 堵门或影响上课", found, reasons);
            default -> { }
        }
    }

    private static void raise(RiskSignal signal, String reason, Set<RiskSignal> found, List<String> reasons) {
        found.add(signal);
        reasons.add("风险：" + reason);
    }

    public record Detection(Set<RiskSignal> signals, List<String> reasons) {

        public Detection {
            signals = signals.isEmpty() ? Set.of() : Set.copyOf(signals);
            reasons = List.copyOf(reasons);
        }
    }
}
