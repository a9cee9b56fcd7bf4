package org.xinfang.routing.domain;

/**
 * A phrase found in a text at {@code start}; {@code negatedBy} is the negation cue in front of it ("没有打人"), or
 * null when the phrase is affirmed.
 */
public record PhraseHit<T>(Phrase<T> phrase, int start, String negatedBy) {

    public boolean negated() {
        return negatedBy != null;
    }
}
