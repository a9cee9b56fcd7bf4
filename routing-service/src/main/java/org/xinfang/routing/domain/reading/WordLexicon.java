package org.xinfang.routing.domain.reading;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Words and word sequences with what they mean, found in a clause only where they begin and end on word boundaries:
 * "打" is never found inside "打电话", nor "烧" inside "发烧", because the segmenter made those one word. An entry
 * may span several words ("没有公示" is 没有 + 公示); the longest entry at a position wins.
 */
public final class WordLexicon<T> {

    /** One meaning of an entry: what it says, how strongly, and where the weight came from (for the reasons). */
    public record Sense<T>(T meaning, int weight, String source) {
    }

    /** Entry {@code text} found over words {@code first} (inclusive) to {@code end} (exclusive) of a clause. */
    public record Match<T>(String text, List<Sense<T>> senses, int first, int end) {
    }

    /** How many words one entry may span. */
    private static final int MAX_WORDS = 5;

    private final Map<String, List<Sense<T>>> entries = new HashMap<>();
    private final Map<String, Map<String, List<Sense<T>>>> pairs = new HashMap<>();
    /** The same entries spelled out, each node's value the entry's text and senses: walked word by word by {@link #find}. */
    private final CharTrie<Entry<T>> trie = new CharTrie<>();

    private record Entry<T>(String text, List<Sense<T>> senses) {
    }

    public WordLexicon<T> add(String text, T meaning, int weight, String source) {
        List<Sense<T>> senses = entries.computeIfAbsent(text, t -> new ArrayList<>(1));
        senses.add(new Sense<>(meaning, weight, source));
        trie.computeIfAbsent(text, () -> new Entry<>(text, senses));
        return this;
    }

    /**
     * Two words next to each other ("老师" then "打"): found wherever the segmenter cut those two words in that order,
     * in addition to, not instead of, the entries those words are part of. Its text is "老师+打".
     */
    public WordLexicon<T> addPair(String first, String second, T meaning, int weight, String source) {
        pairs.computeIfAbsent(first, f -> new HashMap<>()).computeIfAbsent(second, t -> new ArrayList<>(1))
                .add(new Sense<>(meaning, weight, source));
        return this;
    }

    public WordLexicon<T> addAll(WordLexicon<T> other) {
        other.entries.forEach((text, senses) -> senses.forEach(s -> add(text, s.meaning(), s.weight(), s.source())));
        other.pairs.forEach((first, seconds) -> seconds.forEach((second, senses) ->
                senses.forEach(s -> addPair(first, second, s.meaning(), s.weight(), s.source()))));
        return this;
    }

    /** Whether the pair is known. */
    public boolean containsPair(String first, String second) {
        Map<String, List<Sense<T>>> seconds = pairs.get(first);
        return seconds != null && seconds.containsKey(second);
    }

    public boolean contains(String text) {
        return entries.containsKey(text);
    }

    public Collection<String> texts() {
        return entries.keySet();
    }

    /** Every entry in the clause, leftmost-longest, none overlapping. */
    public List<Match<T>> find(Clause clause) {
        List<Word> words = clause.words();
        List<Match<T>> found = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Match<T> match = longestAt(words, i);
            if (match == null) {
                splitCompound(words.get(i).text(), i, found);
                i++;
            } else {
                found.add(match);
                i = match.end();
            }
        }
        if (!pairs.isEmpty()) {
            for (int j = 0; j + 1 < words.size(); j++) {
                Map<String, List<Sense<T>>> seconds = pairs.get(words.get(j).text());
                List<Sense<T>> senses = seconds == null ? null : seconds.get(words.get(j + 1).text());
                if (senses != null) {
                    found.add(new Match<>(words.get(j).text() + "+" + words.get(j + 1).text(), senses, j, j + 2));
                }
            }
        }
        return found;
    }

    /**
     * A word the lexicon does not know that is two words it knows (敲诈勒索 = 敲诈 + 勒索): both count, over the same
     * word. The dictionary's long compounds would otherwise hide the words they are made of.
     */
    private void splitCompound(String word, int at, List<Match<T>> found) {
        if (word.length() < 4) {
            return;
        }
        for (int cut = 2; cut <= word.length() - 2; cut++) {
            List<Sense<T>> head = entries.get(word.substring(0, cut));
            List<Sense<T>> tail = entries.get(word.substring(cut));
            if (head != null && tail != null) {
                found.add(new Match<>(word.substring(0, cut), head, at, at + 1));
                found.add(new Match<>(word.substring(cut), tail, at, at + 1));
                return;
            }
        }
    }

    /**
     * The longest entry that begins with word {@code first} and ends on a word boundary, at most {@link #MAX_WORDS}
     * words long, or null: one walk along the characters of the words that follow.
     */
    private Match<T> longestAt(List<Word> words, int first) {
        int limit = Math.min(words.size(), first + MAX_WORDS);
        String head = words.get(first).text();
        if (head.isEmpty()) {
            return null;
        }
        CharTrie.Node<Entry<T>> node = trie.first(head.charAt(0));
        Entry<T> best = null;
        int bestEnd = first;
        int from = 1;
        for (int j = first; j < limit && node != null; j++) {
            String w = words.get(j).text();
            for (int k = from; k < w.length() && node != null; k++) {
                node = node.next(w.charAt(k));
            }
            from = 0;
            if (node == null) {
                break;
            }
            if (node.value != null) {
                best = node.value;
                bestEnd = j + 1;
            }
            if (j + 1 < limit) {
                String nextWord = words.get(j + 1).text();
                if (nextWord.isEmpty()) {
                    break;
                }
                node = node.next(nextWord.charAt(0));
                from = 1;
            }
        }
        return best == null ? null : new Match<>(best.text(), best.senses(), first, bestEnd);
    }
}
