package org.xinfang.routing.domain.reading;

/**
 * One word of a petition as the segmenter cut it, with its part of speech when the segmenter gives one (HanLP's tags:
 * {@code v} verb, {@code n} noun, {@code nr} a person's name, {@code rr} a personal pronoun …), or null.
 */
public record Word(String text, String tag) {

    public boolean tagged(String prefix) {
        return tag != null && tag.startsWith(prefix);
    }
}
