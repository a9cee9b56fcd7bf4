package org.xinfang.routing.domain.reading;

import java.util.List;

/**
 * A stretch of text between two punctuation marks, cut into words; {@code sentence} numbers the sentence it belongs
 * to, so that a reader can tell "，" (same sentence) from "。" (a new one).
 */
public record Clause(int sentence, List<Word> words) {

    public Clause {
        words = List.copyOf(words);
    }

    public String text(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append(words.get(i).text());
        }
        return text.toString();
    }
}
