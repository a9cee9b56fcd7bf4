package org.xinfang.routing.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.routing.domain.reading.Clause;
import org.xinfang.routing.domain.reading.Context;
import org.xinfang.routing.domain.reading.Reader;
import org.xinfang.routing.domain.reading.WordLexicon;

/**
 * Infers a petition's subject from its segmented words. Every word of the lexicon found in the text adds its weight
 * to its subject (twice over in the title, which names the matter more reliably than the story around it); a word
 * denied in front ("不是收费问题") adds nothing. The highest score wins, ties go to the earlier subject in the priority
 * list, and a best score below the minimum means the text does not say enough: UNKNOWN, for the General Office.
 * The reasons list, in Chinese, the words that decided and their weights.
 */
public final class SubjectClassifier {

    static final int TITLE_FACTOR = 2;
    /** How many deciding words a reason quotes for one subject. */
    private static final int QUOTED_WORDS = 8;
    /** {@code Subject.values()} copies the array on every call; this runs per petition, so keep one. */
    private static final Subject[] SUBJECTS = Subject.values();

    private final Reader reader;
    private final WordLexicon<Subject> lexicon;
    private final List<Subject> priority;
    private final int[] priorityRank = new int[SUBJECTS.length];
    private final int minimumScore;

    public SubjectClassifier(Reader reader, WordLexicon<Subject> lexicon, List<Subject> priority, int minimumScore) {
        this.reader = reader;
        this.lexicon = lexicon;
        this.priority = List.copyOf(priority);
        this.minimumScore = minimumScore;
        List<String> whole = new java.util.ArrayList<>();
        for (String text : lexicon.texts()) {
            if (text.length() >= 3) {
                whole.add(text);
            }
        }
        reader.segmenter().know(whole);
        for (Subject s : SUBJECTS) {
            int rank = priority.indexOf(s);
            priorityRank[s.ordinal()] = rank < 0 ? Integer.MAX_VALUE : rank;
        }
    }

    /** The standard words (set by hand and learned) and priority, with a minimum score of 2. */
    public static SubjectClassifier standard() {
        return Holder.STANDARD;
    }

    /** This classifier with a rule set's own words added (a district's place names, slang, a school's departments). */
    public SubjectClassifier withWords(WordLexicon<Subject> extra) {
        return new SubjectClassifier(reader, new WordLexicon<Subject>().addAll(lexicon).addAll(extra), priority, minimumScore);
    }

    public Classification classify(String title, String description) {
        int[] scores = new int[SUBJECTS.length];
        List<Contribution> because = new ArrayList<>();
        List<String> denied = new ArrayList<>();
        score(title, TITLE_FACTOR, scores, because, denied);
        score(description, 1, scores, because, denied);

        Subject best = leader(scores, null);
        int bestScore = best == null ? 0 : scores[best.ordinal()];
        Subject runnerUp = best == null ? null : leader(scores, best);
        int runnerUpScore = runnerUp == null ? 0 : scores[runnerUp.ordinal()];
        Map<Subject, Integer> scoreMap = new EnumMap<>(Subject.class);
        for (Subject s : SUBJECTS) {
            if (scores[s.ordinal()] > 0) {
                scoreMap.put(s, scores[s.ordinal()]);
            }
        }
        List<String> reasons = new ArrayList<>(denied);
        if (bestScore < minimumScore) {
            reasons.add(bestScore == 0
                    ? "主题：没有找到说明主题的词 → 未分类（UNKNOWN）"
                    : "主题：最高分 " + bestScore + "（" + name(best) + "，" + words(because, best) + "）低于 "
                    + minimumScore + " → 未分类（UNKNOWN）");
            return new Classification(Subject.UNKNOWN, scoreMap, reasons);
        }
        String lead = "主题：" + name(best) + " " + bestScore + " 分，依据 " + words(because, best);
        if (runnerUp == null) {
            reasons.add(lead);
        } else if (runnerUpScore == bestScore) {
            reasons.add(lead + "；与" + name(runnerUp) + "同分（" + words(because, runnerUp) + "），按优先次序取"
                    + best.chineseName());
        } else {
            reasons.add(lead + "；其次" + name(runnerUp) + " " + runnerUpScore + " 分（" + words(because, runnerUp) + "）");
        }
        return new Classification(best, scoreMap, reasons);
    }

    private static String name(Subject s) {
        return s.chineseName() + "（" + s.name() + "）";
    }

    /** One word's weight added to a subject; labelled only for the subjects a reason quotes. */
    private record Contribution(Subject subject, String text, boolean title, String source, int added) {

        String label() {
            return text + "（" + (title ? "标题·" : "") + source + "）";
        }
    }

    /** "补习班 +6、补课 +1": the words that gave a subject its score, strongest first. */
    private static String words(List<Contribution> because, Subject subject) {
        Map<String, Integer> contributions = new LinkedHashMap<>();
        for (Contribution c : because) {
            if (c.subject() == subject) {
                contributions.merge(c.label(), c.added(), Integer::sum);
            }
        }
        if (contributions.isEmpty()) {
            return "无";
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(contributions.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(QUOTED_WORDS, sorted.size()); i++) {
            out.append(i == 0 ? "" : "、").append(sorted.get(i).getKey()).append(" +").append(sorted.get(i).getValue());
        }
        if (sorted.size() > QUOTED_WORDS) {
            out.append(" 等 ").append(sorted.size()).append(" 个词");
        }
        return out.toString();
    }

    /** The highest-scoring subject other than {@code except}, ties to the higher priority; null when none scored. */
    private Subject leader(int[] scores, Subject except) {
        Subject leader = null;
        for (Subject s : SUBJECTS) {
            int score = scores[s.ordinal()];
            if (score == 0 || s == except) {
                continue;
            }
            if (leader == null || score > scores[leader.ordinal()]
                    || (score == scores[leader.ordinal()] && priorityRank[s.ordinal()] < priorityRank[leader.ordinal()])) {
                leader = s;
            }
        }
        return leader;
    }

    private void score(String text, int factor, int[] scores, List<Contribution> because, List<String> denied) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (Clause clause : reader.read(text).clauses()) {
            for (WordLexicon.Match<Subject> match : lexicon.find(clause)) {
                String cue = Context.topicNegation(clause, match.first());
                if (cue != null) {
                    denied.add("主题：「" + match.text() + "」前有否定「" + cue + "」，不计");
                    continue;
                }
                for (WordLexicon.Sense<Subject> sense : match.senses()) {
                    int added = sense.weight() * factor;
                    scores[sense.meaning().ordinal()] += added;
                    because.add(new Contribution(sense.meaning(), match.text(), factor > 1, sense.source(), added));
                }
            }
        }
    }

    /** The inferred subject, every subject's score (non-zero only) and the reasons. */
    public record Classification(Subject subject, Map<Subject, Integer> scores, List<String> reasons) {

        public Classification {
            scores = Map.copyOf(scores);
            reasons = List.copyOf(reasons);
        }
    }

    private static final class Holder {
        private static final SubjectClassifier STANDARD =
                new SubjectClassifier(Reader.standard(), SubjectPhrases.lexicon(), SubjectPhrases.PRIORITY, 2);
    }
}
