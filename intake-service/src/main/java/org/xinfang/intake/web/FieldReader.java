package org.xinfang.intake.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import org.xinfang.intake.domain.FieldError;

/**
 * Reads typed fields out of a JSON object, collecting one error per bad field instead of stopping at the first, so a
 * clerk learns everything that is wrong with a form at once.
 */
final class FieldReader {

    private final JsonNode node;
    private final String prefix;
    private final List<FieldError> errors;

    FieldReader(JsonNode node, String prefix, List<FieldError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
    }

    void allowOnly(Set<String> known) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name) && name.indexOf('$') < 0 && name.indexOf('.') < 0) {
                error(name, "unknown field");
            }
        }
    }

    String text(String name, boolean required, int maxLength, boolean multiline) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                error(name, "required");
            }
            return null;
        }
        if (!value.isString()) {
            error(name, "must be a string");
            return null;
        }
        String text = value.stringValue();
        if (text.isBlank()) {
            if (required) {
                error(name, "must not be blank");
            }
            return null;
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            error(name, "must be at most " + maxLength + " characters, is " + length);
            return null;
        }
        String bad = badCharacter(text, multiline);
        if (bad != null) {
            error(name, bad);
            return null;
        }
        return text;
    }

    String matching(String name, java.util.regex.Pattern pattern, String describe) {
        String text = text(name, false, 64, false);
        if (text != null && !pattern.matcher(text).matches()) {
            error(name, describe);
            return null;
        }
        return text;
    }

    Integer integer(String name, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            error(name, "required");
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            error(name, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return value.intValue();
    }

    boolean flag(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            error(name, "must be true or false");
            return false;
        }
        return value.booleanValue();
    }

    <E extends Enum<E>> E choice(String name, Class<E> type, boolean required, Set<E> refused) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                error(name, "required; one of " + names(type, refused));
            }
            return null;
        }
        E parsed = enumOf(value, type, refused);
        if (parsed == null) {
            error(name, "must be one of " + names(type, refused));
        }
        return parsed;
    }

    <E extends Enum<E>> List<E> choices(String name, Class<E> type, int max, Set<E> refused) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            error(name, "must be an array");
            return List.of();
        }
        if (value.size() > max) {
            error(name, "at most " + max + " entries");
            return List.of();
        }
        List<E> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            E parsed = enumOf(value.get(i), type, refused);
            if (parsed == null) {
                errors.add(new FieldError(path(name) + "[" + i + "]", "must be one of " + names(type, refused)));
            } else if (result.contains(parsed)) {
                errors.add(new FieldError(path(name) + "[" + i + "]", "repeats " + parsed));
            } else {
                result.add(parsed);
            }
        }
        return result;
    }

    Instant instant(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString() || value.stringValue().length() > 40) {
            error(name, "must be an ISO-8601 instant such as 2026-03-01T08:30:00Z");
            return null;
        }
        try {
            return Instant.parse(value.stringValue()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            error(name, "must be an ISO-8601 instant such as 2026-03-01T08:30:00Z");
            return null;
        }
    }

    /** The array at {@code name}, or empty with an error if it is something else. */
    List<JsonNode> objects(String name, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            error(name, "must be an array");
            return List.of();
        }
        if (value.size() > max) {
            error(name, "at most " + max + " entries, " + value.size() + " given");
            return List.of();
        }
        List<JsonNode> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isObject()) {
                errors.add(new FieldError(path(name) + "[" + i + "]", "must be an object"));
            } else {
                result.add(value.get(i));
            }
        }
        return result;
    }

    String path(String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    void error(String name, String reason) {
        errors.add(new FieldError(path(name), reason));
    }

    private static <E extends Enum<E>> E enumOf(JsonNode value, Class<E> type, Set<E> refused) {
        if (!value.isString()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.stringValue()) && !refused.contains(constant)) {
                return constant;
            }
        }
        return null;
    }

    private static <E extends Enum<E>> String names(Class<E> type, Set<E> refused) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).filter(c -> !refused.contains(c))
                .map(Enum::name).toList());
    }

    /**
     * Control characters corrupt logs and printed replies; lone surrogates are not text at all (they come from
     * {@code \ud800} escapes, since the UTF-8 itself was checked by the parser).
     */
    private static String badCharacter(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired surrogate (not valid Unicode text)";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate (not valid Unicode text)";
            }
            boolean allowedBreak = multiline && (c == '\n' || c == '\r' || c == '\t');
            if ((c < 0x20 || (c >= 0x7f && c < 0xa0)) && !allowedBreak) {
                return "contains a control character (U+" + String.format("%04X", (int) c) + ")";
            }
            if (c == '\uFFFE' || c == '\uFFFF' || c == '\u202E' || c == '\u202D') {
                return "contains a forbidden character (U+" + String.format("%04X", (int) c) + ")";
            }
        }
        return null;
    }
}
