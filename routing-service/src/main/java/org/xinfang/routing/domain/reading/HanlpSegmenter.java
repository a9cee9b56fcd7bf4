package org.xinfang.routing.domain.reading;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Other.DoubleArrayTrieSegment;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * HanLP portable's segmenters, with the dictionaries that ship inside its jar (nothing is downloaded). The service uses
 * the dictionary segmenter ({@link #dictionary()}): it was measured as accurate as the Viterbi one on the labelled
 * corpus at many times its speed (BENCHMARKS.md). Named-entity recognisers stay off: petitions are read for what
 * happened, and the recognisers cost more than the rest of the reading together.
 */
public final class HanlpSegmenter implements Segmenter {

    private final Segment segment;
    private final String name;
    private Set<String> known = Set.of();
    /** The known words as a trie, rebuilt whole when words are added, so that readers never see one half built. */
    private volatile CharTrie<Boolean> knownTrie;

    private HanlpSegmenter(Segment segment, String name) {
        this.segment = segment;
        this.name = name;
    }

    /** Longest match over HanLP's core and custom dictionaries, each word with its most frequent part of speech. */
    public static HanlpSegmenter dictionary() {
        return new HanlpSegmenter(new DoubleArrayTrieSegment().enablePartOfSpeechTagging(true), "HanLP 1.8.6 词典分词");
    }

    /** HanLP's default: the most probable path over word bigrams, then part of speech by an HMM. */
    public static HanlpSegmenter viterbi() {
        Segment viterbi = HanLP.newSegment().enableNameRecognize(false).enablePlaceRecognize(false)
                .enableOrganizationRecognize(false).enableTranslatedNameRecognize(false)
                .enableJapaneseNameRecognize(false).enablePartOfSpeechTagging(true);
        return new HanlpSegmenter(viterbi, "HanLP 1.8.6 维特比分词");
    }

    /**
     * The readers' own words, kept by this segmenter rather than in HanLP's process-wide custom dictionary, so that
     * two rule sets never change each other's cutting.
     */
    @Override
    public synchronized void know(Iterable<String> words) {
        Set<String> more = new HashSet<>(known);
        for (String word : words) {
            if (word.length() > 1) {
                more.add(word);
            }
        }
        known = Set.copyOf(more);
        CharTrie<Boolean> trie = new CharTrie<>();
        for (String word : known) {
            trie.computeIfAbsent(word, () -> Boolean.TRUE);
        }
        knownTrie = trie;
    }

    @Override
    public List<Word> words(String clause) {
        List<Term> terms = segment.seg(clause);
        int length = clause.length();
        boolean[] cut = new boolean[length + 1];
        String[] tags = new String[length + 1];
        int offset = 0;
        for (Term term : terms) {
            cut[offset] = true;
            tags[offset] = term.nature == null ? null : term.nature.toString();
            offset += term.word.length();
        }
        cut[Math.min(offset, length)] = true;
        List<Word> words = new ArrayList<>(terms.size());
        if (!overlayKnownWords(clause, cut, tags) && offset == length) {
            // HanLP's own cutting stands: its terms are the words, with no second copy of their text.
            for (int i = 0, at = 0; i < terms.size(); at += terms.get(i).word.length(), i++) {
                String word = terms.get(i).word;
                if (!word.isBlank()) {
                    words.add(new Word(word, tags[at]));
                }
            }
            return words;
        }
        int start = 0;
        for (int i = 1; i <= length; i++) {
            if (cut[i]) {
                String word = clause.substring(start, i);
                if (!word.isBlank()) {
                    words.add(new Word(word, tags[start]));
                }
                start = i;
            }
        }
        return words;
    }

    /**
     * Where a known word starts on a boundary but ends inside one of HanLP's words ("爬上楼顶" cut 爬 + 上楼 + 顶), the
     * known word wins and the rest is cut again from its end: 爬上 + 楼顶.
     */
    private static boolean forcedInside(boolean[] forced, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            if (forced[k]) {
                return true;
            }
        }
        return false;
    }

    /** Whether any known word changed HanLP's cutting. */
    private boolean overlayKnownWords(String clause, boolean[] cut, String[] tags) {
        CharTrie<Boolean> words = knownTrie;
        boolean changed = false;
        if (words == null) {
            return false;
        }
        int length = clause.length();
        boolean[] forced = null;
        for (int i = 0; i < length; i++) {
            if (!cut[i]) {
                continue;
            }
            int l = words.longestAt(clause, i, length, 2);
            if (l == 0) {
                continue;
            }
            if (forced == null) {
                forced = new boolean[length + 1];
            }
            if (!cut[i + l] || forced[i] || forcedInside(forced, i, i + l)) {
                for (int k = i + 1; k < i + l; k++) {
                    cut[k] = false;
                }
                cut[i + l] = true;
                forced[i + l] = true;
                tags[i] = null;
                tags[i + l] = null;
                changed = true;
            }
        }
        return changed;
    }

    @Override
    public String name() {
        return name;
    }
}
