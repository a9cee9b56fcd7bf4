package org.xinfang.routing.domain;

/**
 * One phrase of a rule set and what finding it means. A {@code null} meaning marks a shield: a phrase that is
 * consumed without effect so that a shorter phrase inside it does not fire (发烧 shields 烧, 抢救 shields 抢).
 *
 * @param weight how strongly a match speaks for its meaning; specific phrases weigh more than generic ones
 */
public record Phrase<T>(String text, T meaning, int weight) {

    public Phrase {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a phrase needs text");
        }
        if (weight < 0) {
            throw new IllegalArgumentException("weight of '" + text + "' must not be negative");
        }
    }

    static <T> Phrase<T> shield(String text) {
        return new Phrase<>(text, null, 0);
    }
}
