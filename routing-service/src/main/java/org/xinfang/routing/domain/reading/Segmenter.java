package org.xinfang.routing.domain.reading;

import java.util.List;

/** Cuts a clause of Chinese text into words. Implementations are thread-safe and load everything they need up front. */
public interface Segmenter {

    /** The words of {@code clause}, in order, punctuation left out; their texts joined give back the clause. */
    List<Word> words(String clause);

    /**
     * Makes the segmenter know these words, so that it cuts them whole ("爬上楼顶" as 爬上 + 楼顶, not 爬 + 上楼 + 顶).
     * Words it knows already keep their part of speech. A segmenter without a user dictionary ignores them.
     */
    default void know(Iterable<String> words) {
    }

    /** What the segmenter is, for the comparison in docs/reading-chinese.md and BENCHMARKS.md. */
    String name();
}
