package org.xinfang.contracts.event;

import java.util.Collection;

/** Constructor checks shared by the event records, so a missing field is always reported the same way. */
final class Required {

    private Required() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new MissingFieldException(field);
        }
        return value;
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MissingFieldException(field);
        }
        return value;
    }

    static <C extends Collection<?>> C notEmpty(C value, String field) {
        if (value == null || value.isEmpty()) {
            throw new MissingFieldException(field);
        }
        return value;
    }
}
