package org.xinfang.routing.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.routing.domain.reading.Clause;
import org.xinfang.routing.domain.reading.Context;
import org.xinfang.routing.domain.reading.Reader;
import org.xinfang.routing.domain.reading.Word;
import org.xinfang.routing.domain.reading.WordLexicon;

/**
 * Learns subject words from labelled petitions: a content word (noun, verb, adjective; two characters or more) that
 * the hand-set lexicon does not know, found in at least {@code minPetitions} petitions of one subject and in that
 * subject for at least {@code share} of the petitions it appears in, weighs 1 for that subject, 2 when it is found in
 * {@code strongPetitions} or more and {@code strongShare} of them. With {@code pairs}, two content words next to each
 * other ("老师+打", "宿舍+漏水") count as one more feature under the same rules, which catches what neither word says
 * alone; a pair denied in front ("不是收费问题") is not counted for the petition, as the classifier would not count it.
 * Few, plain, countable rules, so that every learned weight can be explained by counting.
 */
public final class SubjectWordLearning {

    /** The counting rules; {@link #STANDARD} is what the service's learned file was made with. */
    public record Settings(int minPetitions, double share, int strongPetitions, double strongShare, boolean pairs) {
    }

    /** Words alone, no pairs. */
    public static final Settings WORDS_ONLY = new Settings(2, 0.75, 3, 0.9, false);
    /**
     * Chosen by cross-validation inside the training part (TrainingCrossValidation), never on the held-out part: pairs
     * and a lower share scored no better there (BENCHMARKS.md), so the service learns words alone.
     */
    public static final Settings STANDARD = WORDS_ONLY;

    static final int MIN_PETITIONS = STANDARD.minPetitions();

    /** One labelled petition to learn from. */
    public record Example(Subject subject, String title, String description) {
    }

    /** A learned word or pair ("老师+打"): its subject, weight, and the counts it was learned from. */
    public record LearnedWord(String word, Subject subject, int weight, int inSubject, int total) {
    }

    private SubjectWordLearning() {
    }

    public static List<LearnedWord> learn(List<Example> examples, Reader reader, WordLexicon<Subject> handSet) {
        return learn(examples, reader, handSet, STANDARD);
    }

    public static List<LearnedWord> learn(List<Example> examples, Reader reader, WordLexicon<Subject> handSet,
                                          Settings settings) {
        Map<String, Map<Subject, Integer>> counts = new HashMap<>();
        for (Example example : examples) {
            if (example.subject() == Subject.UNKNOWN) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (String text : new String[] {example.title(), example.description()}) {
                for (Clause clause : reader.read(text).clauses()) {
                    List<Word> words = clause.words();
                    for (int i = 0; i < words.size(); i++) {
                        Word word = words.get(i);
                        if (!content(word)) {
                            continue;
                        }
                        if (!handSet.contains(word.text())) {
                            seen.add(word.text());
                        }
                        if (settings.pairs() && i + 1 < words.size() && content(words.get(i + 1))
                                && Context.topicNegation(clause, i) == null) {
                            seen.add(word.text() + "+" + words.get(i + 1).text());
                        }
                    }
                }
            }
            for (String word : seen) {
                counts.computeIfAbsent(word, w -> new EnumMap<>(Subject.class)).merge(example.subject(), 1, Integer::sum);
            }
        }
        List<LearnedWord> learned = new ArrayList<>();
        new TreeMap<>(counts).forEach((word, bySubject) -> {
            int total = bySubject.values().stream().mapToInt(Integer::intValue).sum();
            bySubject.forEach((subject, n) -> {
                double share = (double) n / total;
                if (n >= settings.minPetitions() && share >= settings.share()) {
                    int weight = n >= settings.strongPetitions() && share >= settings.strongShare() ? 2 : 1;
                    learned.add(new LearnedWord(word, subject, weight, n, total));
                }
            });
        });
        return learned;
    }

    /** The learned words as lexicon entries: a word as a word, "A+B" as a pair of words next to each other. */
    public static void addTo(WordLexicon<Subject> lexicon, List<LearnedWord> learned, String source) {
        for (LearnedWord w : learned) {
            int plus = w.word().indexOf('+');
            if (plus > 0) {
                lexicon.addPair(w.word().substring(0, plus), w.word().substring(plus + 1), w.subject(), w.weight(), source);
            } else {
                lexicon.add(w.word(), w.subject(), w.weight(), source);
            }
        }
    }

    private static boolean content(Word word) {
        String text = word.text();
        if (text.length() < 2 || !Character.isIdeographic(text.codePointAt(0))) {
            return false;
        }
        String tag = word.tag();
        return tag == null || tag.startsWith("n") || tag.startsWith("v") || tag.startsWith("a") || tag.startsWith("g");
    }
}
