package org.xinfang.routing.bench;

import java.util.List;
import java.util.Map;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.routing.domain.DefaultRuleSet;
import org.xinfang.routing.domain.LabelledCorpus;
import org.xinfang.routing.domain.RiskDetector;
import org.xinfang.routing.domain.RuleSet;
import org.xinfang.routing.domain.SubjectClassifier;
import org.xinfang.routing.domain.SubjectPhrases;
import org.xinfang.routing.domain.SubjectWordLearning;
import org.xinfang.routing.domain.reading.HanlpSegmenter;
import org.xinfang.routing.domain.reading.Reader;
import org.xinfang.routing.domain.reading.TextForm;
import org.xinfang.routing.domain.reading.WordLexicon;

/**
 * Chooses the learning's counting rules inside the training part only: five folds of the training part (by a hash
 * of the id with its own salt), each scored with the words learned from the other four. The held-out part and the
 * fresh sets are never read here.
 *
 * <pre>./mvnw -o -B -pl routing-service -Pbenchmark test-compile exec:exec -Dbench.main=org.xinfang.routing.bench.TrainingCrossValidation -Djmh.args=</pre>
 */
public final class TrainingCrossValidation {

    private static final int FOLDS = 5;

    public static void main(String[] args) {
        List<LabelledCorpus.Entry> training = LabelledCorpus.training().entries();
        Map<String, SubjectWordLearning.Settings> candidates = new java.util.LinkedHashMap<>();
        candidates.put("words only (before)", SubjectWordLearning.WORDS_ONLY);
        candidates.put("words and pairs", new SubjectWordLearning.Settings(2, 0.75, 3, 0.9, true));
        candidates.put("words only, share 2/3", new SubjectWordLearning.Settings(2, 0.66, 3, 0.9, false));
        candidates.put("words and pairs, share 2/3", new SubjectWordLearning.Settings(2, 0.66, 3, 0.9, true));
        candidates.put("words and pairs, strong from 4", new SubjectWordLearning.Settings(2, 0.75, 4, 0.9, true));
        candidates.put("hand-set only", new SubjectWordLearning.Settings(Integer.MAX_VALUE, 1.1, Integer.MAX_VALUE, 1.1, false));
        RuleSet rules = DefaultRuleSet.create();
        for (var candidate : candidates.entrySet()) {
            int subjects = 0;
            int departments = 0;
            for (int fold = 0; fold < FOLDS; fold++) {
                Reader reader = new Reader(TextForm.standard(), HanlpSegmenter.dictionary());
                new RiskDetector(reader);
                new SubjectClassifier(reader, SubjectPhrases.lexicon(), SubjectPhrases.PRIORITY, 2);
                final int f = fold;
                List<SubjectWordLearning.Example> learnFrom = training.stream().filter(e -> fold(e) != f)
                        .map(e -> new SubjectWordLearning.Example(e.subject(), e.title(), e.description())).toList();
                WordLexicon<Subject> lexicon = SubjectPhrases.handSet();
                List<SubjectWordLearning.LearnedWord> learned = SubjectWordLearning.learn(learnFrom, reader,
                        SubjectPhrases.handSet(), candidate.getValue());
                SubjectWordLearning.addTo(lexicon, learned, "学得");
                if (fold == 0) {
                    System.out.printf("  fold 0 learned %d words and pairs from %d petitions%n", learned.size(), learnFrom.size());
                }
                SubjectClassifier classifier = new SubjectClassifier(reader, lexicon, SubjectPhrases.PRIORITY, 2);
                for (LabelledCorpus.Entry e : training) {
                    if (fold(e) != f) {
                        continue;
                    }
                    SubjectClassifier.Classification c = classifier.classify(e.title(), e.description());
                    Subject s = c.subject();
                    if (s != e.subject() && Boolean.getBoolean("cv.misses")) {
                        System.out.println("    miss " + e.id() + " " + e.subject() + " → " + s + " " + e.title() + " | "
                                + String.join(" | ", c.reasons()));
                    }
                    subjects += s == e.subject() ? 1 : 0;
                    departments += rules.assignmentFor(s).department().equals(e.department()) ? 1 : 0;
                }
            }
            System.out.printf("%-32s %s: subject %.1f%%, department %.1f%% of %d training petitions%n", candidate.getKey(),
                    candidate.getValue(), 100.0 * subjects / training.size(), 100.0 * departments / training.size(),
                    training.size());
        }
    }

    private static int fold(LabelledCorpus.Entry e) {
        return Math.floorMod(("cv:" + e.id()).hashCode(), FOLDS);
    }
}
