package org.xinfang.kit.security;

import java.util.function.Predicate;

/**
 * The firewall's rules for header names and values, checked character by character: the same rules as Spring
 * Security's strict firewall (assigned characters, no control characters; a value may hold tabs), whose regular
 * expressions are run on every read of a header, and the bearer token is read several times per request.
 */
public final class HeaderText {

    /** Assigned and not a control character. */
    public static final Predicate<String> NAME = text -> allowed(text, false);
    /** Assigned and not a control character, tabs allowed. */
    public static final Predicate<String> VALUE = text -> allowed(text, true);

    private HeaderText() {
    }

    private static boolean allowed(String text, boolean tabs) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c < 0x7f && c >= 0x20) {
                i++;
                continue;
            }
            if (!Character.isDefined(c) || Character.isISOControl(c) && !(tabs && c == '\t')) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
