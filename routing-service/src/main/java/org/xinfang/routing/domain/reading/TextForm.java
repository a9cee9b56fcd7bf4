package org.xinfang.routing.domain.reading;

import com.hankcs.hanlp.HanLP;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Brings text as people write it to the form the readers know: traditional characters to simplified (HanLP's own
 * tables), full-width letters, digits and punctuation to half-width, Latin letters to lower case, emoji and other
 * pictographs to a clause break (people end a thought with one), and the homophone typos, pinyin and English of
 * {@code reading/normal-forms.tsv} to the words they stand for.
 */
public final class TextForm {

    private final List<String[]> normalForms;

    public TextForm(List<String[]> normalForms) {
        List<String[]> sorted = new ArrayList<>(normalForms);
        sorted.sort(Comparator.comparingInt((String[] f) -> f[0].length()).reversed());
        this.normalForms = List.copyOf(sorted);
    }

    public static TextForm standard() {
        return new TextForm(load("/reading/normal-forms.tsv"));
    }

    public String normalise(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); ) {
            int c = raw.codePointAt(i);
            i += Character.charCount(c);
            if (c >= 0xFF01 && c <= 0xFF5E) {
                c -= 0xFEE0;
            } else if (c == 0x3000) {
                c = ' ';
            }
            if (pictograph(c)) {
                out.append('，');
            } else if (c < 0x80) {
                out.append(Character.toLowerCase((char) c));
            } else {
                out.appendCodePoint(c);
            }
        }
        String simplified = HanLP.convertToSimplifiedChinese(out.toString()).toLowerCase(Locale.ROOT);
        return replaceNormalForms(simplified);
    }

    private String replaceNormalForms(String text) {
        String result = text;
        for (String[] form : normalForms) {
            if (result.contains(form[0])) {
                result = result.replace(form[0], form[1]);
            }
        }
        return result;
    }

    /** Emoji, dingbats and other symbols that carry feeling, not words. */
    private static boolean pictograph(int c) {
        return c >= 0x1F000 || (c >= 0x2600 && c <= 0x27BF) || (c >= 0x2B00 && c <= 0x2BFF) || c == 0xFE0F || c == 0x200D;
    }

    static List<String[]> load(String resource) {
        try (InputStream in = TextForm.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.strip().split("\t");
                if (columns.length < 2) {
                    throw new IllegalStateException(resource + ": a line needs tab-separated columns: " + line);
                }
                rows.add(columns);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
