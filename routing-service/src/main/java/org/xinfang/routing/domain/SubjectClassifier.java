package org.xinfang.routing.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.xinfang.contracts.vocabulary.Subject;

/**
 * Infers a petition's subject from its title and description. Every affirmed phrase adds its weight to its subject
 * (twice over in the title, which names the matter more reliably than the story around it); a denied phrase ("不是
 * 收费问题") adds nothing. The highest score wins, ties go to the earlier subject in the priority list, and a best
 * score below the minimum means the text does not say enough: UNKNOWN, for the General Office.
 */
public final class SubjectClassifier {

    static final int TITLE_FACTOR = 2;
    /** {@code Subject.values()} copies the array on every call; this runs per petition, so keep one. */
    private static final Subject[] SUBJECTS = Subject.values();

    private final PhraseIndex<Subject> index;
    private final int[] priorityRank = new int[Subject.values().length];
    private final int minimumScore;

    public SubjectClassifier(List<Phrase<Subject>> phrases, List<Subject> priority, int minimumScore) {
        this.index = new PhraseIndex<>(phrases, Negation.standard());
        this.minimumScore = minimumScore;
        for (Subject s : Subject.values()) {
            int rank = priority.indexOf(s);
            priorityRank[s.ordinal()] = rank < 0 ? Integer.MAX_VALUE : rank;
        }
    }

    /** The default phrase rules and priority, with a minimum score of 2 (one strong phrase, or a weak one in the title). */
    public static SubjectClassifier standard() {
        return new SubjectClassifier(SubjectPhrases.defaults(), SubjectPhrases.PRIORITY, 2);
    }

    public Classification classify(String title, String description) {
        int[] scores = new int[SUBJECTS.length];
        List<String> reasons = new ArrayList<>();
        score(title, TITLE_FACTOR, "title", scores, reasons);
        score(description, 1, "description", scores, reasons);

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
        if (bestScore < minimumScore) {
            reasons.add(bestScore == 0
                    ? "no subject phrase found → UNKNOWN"
                    : "best score " + bestScore + " for " + best + " is below " + minimumScore + " → UNKNOWN");
            return new Classification(Subject.UNKNOWN, scoreMap, reasons);
        }
        if (runnerUp != null && runnerUpScore == bestScore) {
            reasons.add("tie " + best + " " + bestScore + " = " + runnerUp + " " + runnerUpScore + " → " + best + " by priority");
        } else if (runnerUp != null) {
            reasons.add("subject " + best + " scored " + bestScore + ", ahead of " + runnerUp + " " + runnerUpScore);
        } else {
            reasons.add("subject " + best + " scored " + bestScore);
        }
        return new Classification(best, scoreMap, reasons);
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

    private void score(String text, int factor, String where, int[] scores, List<String> reasons) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (PhraseHit<Subject> hit : index.find(text)) {
            Phrase<Subject> phrase = hit.phrase();
            if (hit.negated()) {
                reasons.add("ignored '" + phrase.text() + "' in " + where + ": denied by '" + hit.negatedBy() + "'");
            } else {
                int added = phrase.weight() * factor;
                scores[phrase.meaning().ordinal()] += added;
                reasons.add("matched '" + phrase.text() + "' in " + where + " → " + phrase.meaning() + " +" + added);
            }
        }
    }

    /** The inferred subject, every subject's score (non-zero only) and the reasons, in the order they were found. */
    public record Classification(Subject subject, Map<Subject, Integer> scores, List<String> reasons) {

        public Classification {
            scores = Map.copyOf(scores);
            reasons = List.copyOf(reasons);
        }
    }
}
