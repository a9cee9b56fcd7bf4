package org.xinfang.routing.domain.reading;

import java.util.List;

/** Tab-separated word lists on the classpath: one entry a line, {@code #} for comments. */
public final class Lexicons {

    private Lexicons() {
    }

    public static List<String[]> rows(String resource) {
        return TextForm.load(resource);
    }
}
