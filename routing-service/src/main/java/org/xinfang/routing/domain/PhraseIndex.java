package org.xinfang.routing.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Finds phrases in Chinese text by leftmost-longest matching, so "有偿补课" wins over "补课" and a shield such as
 * "发烧" hides the "烧" inside it. Phrases are looked up by their first character in a table indexed by the UTF-16
 * unit, which keeps a 1 KB text to a few microseconds (the classifier runs once per petition and in dry runs).
 */
public final class PhraseIndex<T> {

    private static final Comparator<Phrase<?>> LONGEST_FIRST =
            Comparator.comparingInt((Phrase<?> p) -> p.text().length()).reversed();

    private final Phrase<T>[][] byFirstChar;
    private final Negation negation;

    @SuppressWarnings("unchecked")
    public PhraseIndex(Collection<Phrase<T>> phrases, Negation negation) {
        this.negation = negation;
        this.byFirstChar = new Phrase[Character.MAX_VALUE + 1][];
        List<Phrase<T>>[] buckets = new List[Character.MAX_VALUE + 1];
        for (Phrase<T> phrase : phrases) {
            char first = phrase.text().charAt(0);
            if (buckets[first] == null) {
                buckets[first] = new ArrayList<>();
            }
            buckets[first].add(phrase);
        }
        for (int c = 0; c < buckets.length; c++) {
            if (buckets[c] != null) {
                Phrase<T>[] sorted = buckets[c].toArray(new Phrase[0]);
                Arrays.sort(sorted, LONGEST_FIRST);
                byFirstChar[c] = sorted;
            }
        }
    }

    /**
     * Every non-shield phrase found, in text order, with the negation cue in front of it when there is one. A cue
     * inside an earlier match does not count: in "没有公开竞标" the complaint "没有公开" does not deny "竞标".
     */
    public List<PhraseHit<T>> find(String text) {
        List<PhraseHit<T>> hits = new ArrayList<>();
        int i = 0;
        int consumedUpTo = 0;
        int length = text.length();
        while (i < length) {
            Phrase<T> match = longestAt(text, i);
            if (match == null) {
                i++;
                continue;
            }
            if (match.meaning() != null) {
                hits.add(new PhraseHit<>(match, i, negation.cueBefore(text, i, consumedUpTo)));
            }
            i += match.text().length();
            consumedUpTo = i;
        }
        return hits;
    }

    private Phrase<T> longestAt(String text, int at) {
        Phrase<T>[] candidates = byFirstChar[text.charAt(at)];
        if (candidates == null) {
            return null;
        }
        for (Phrase<T> candidate : candidates) {
            String p = candidate.text();
            if (text.startsWith(p, at)) {
                return candidate;
            }
        }
        return null;
    }
}
