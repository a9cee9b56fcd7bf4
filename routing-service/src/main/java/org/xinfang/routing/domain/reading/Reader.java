package org.xinfang.routing.domain.reading;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Chinese text: normal form first ({@link TextForm}), then sentences and clauses at their punctuation (a space
 * between Chinese words counts as a comma, as people type it when they leave punctuation out), then words.
 *
 * <p>The subject classifier and the risk detector read the same title and description one after the other; the
 * reader keeps the last two readings of each thread (a title and a description) and gives them again for the same
 * text, so a petition is cut once.
 */
public final class Reader {

    private static final String SENTENCE_ENDS = "。！？!?；;\n\r…";
    private static final String CLAUSE_BREAKS = "，,、：:（）()“”\"'‘’「」《》【】[]～~—-·•/|";

    private final TextForm form;
    private final Segmenter segmenter;
    private final ThreadLocal<Object[]> last = new ThreadLocal<>();

    public Reader(TextForm form, Segmenter segmenter) {
        this.form = form;
        this.segmenter = segmenter;
    }

    /** The standard reader of the service: HanLP's dictionary segmenter and the standard normal forms. */
    public static Reader standard() {
        return Holder.STANDARD;
    }

    public Segmenter segmenter() {
        return segmenter;
    }

    public Reading read(String text) {
        String key = text == null ? "" : text;
        Object[] remembered = last.get();
        if (remembered == null) {
            remembered = new Object[4];
            last.set(remembered);
        }
        for (int slot = 0; slot < 4; slot += 2) {
            if (key.equals(remembered[slot])) {
                return (Reading) remembered[slot + 1];
            }
        }
        Reading reading = cut(form.normalise(key));
        // Two slots, the title's and the description's: the oldest goes.
        remembered[2] = remembered[0];
        remembered[3] = remembered[1];
        remembered[0] = key;
        remembered[1] = reading;
        return reading;
    }

    private Reading cut(String text) {
        List<Clause> clauses = new ArrayList<>();
        int sentence = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '。';
            boolean sentenceEnd = SENTENCE_ENDS.indexOf(c) >= 0 || c == '.' && !digitAround(text, i);
            boolean clauseBreak = sentenceEnd || CLAUSE_BREAKS.indexOf(c) >= 0 || c == ',' || spaceBetweenWords(text, i);
            if (!clauseBreak) {
                continue;
            }
            if (i > start) {
                List<Word> words = segmenter.words(text.substring(start, i));
                if (!words.isEmpty()) {
                    clauses.add(new Clause(sentence, words));
                }
            }
            if (sentenceEnd) {
                sentence++;
            }
            start = i + 1;
        }
        return new Reading(clauses);
    }

    private static boolean digitAround(String text, int i) {
        return i > 0 && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1));
    }

    /** A space ends a clause unless it stands between two Latin words ("security guard"). */
    private static boolean spaceBetweenWords(String text, int i) {
        if (i >= text.length() || text.charAt(i) != ' ') {
            return false;
        }
        boolean latinBefore = i > 0 && text.charAt(i - 1) < 0x80 && Character.isLetter(text.charAt(i - 1));
        boolean latinAfter = i + 1 < text.length() && text.charAt(i + 1) < 0x80 && Character.isLetter(text.charAt(i + 1));
        return !(latinBefore && latinAfter);
    }

    private static final class Holder {
        private static final Reader STANDARD = new Reader(TextForm.standard(), HanlpSegmenter.dictionary());
    }
}
