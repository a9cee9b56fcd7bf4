package org.xinfang.intake.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import org.xinfang.intake.domain.FieldError;
import org.xinfang.intake.domain.InvalidPetitionException;

/**
 * Reads the fields of a public request, each refusal naming the field with a reason in Chinese: the person reading
 * it filled in a form, not an API. The body itself is read as strictly as the clerk's ({@link JsonBodies}).
 */
final class PublicFields {

    private final JsonNode node;
    private final List<FieldError> errors = new ArrayList<>();

    private PublicFields(JsonNode node) {
        this.node = node;
    }

    static PublicFields of(byte[] body, Set<String> known) {
        JsonNode root;
        try {
            root = JsonBodies.readObject(body);
        } catch (InvalidPetitionException e) {
            throw PublicProblems.invalid(List.of(new FieldError("body", "请求内容须为一个 JSON 对象（UTF-8）")));
        }
        PublicFields fields = new PublicFields(root);
        for (String name : root.propertyNames()) {
            if (!known.contains(name)) {
                fields.errors.add(new FieldError(name, "不认识的字段"));
            }
        }
        return fields;
    }

    /** A text of at most {@code max} characters; null when absent or blank and not required. */
    String text(String name, String label, boolean required, int max, boolean multiline) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || value.isString() && value.stringValue().isBlank()) {
            if (required) {
                errors.add(new FieldError(name, "请填写" + label));
            }
            return null;
        }
        if (!value.isString()) {
            errors.add(new FieldError(name, label + "须为文字"));
            return null;
        }
        String text = value.stringValue().strip();
        int length = text.codePointCount(0, text.length());
        if (length > max) {
            errors.add(new FieldError(name, label + "最多" + max + "个字，现有" + length + "个字"));
            return null;
        }
        boolean control = text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
        if (control) {
            errors.add(new FieldError(name, label + "含有不可见的控制字符"));
            return null;
        }
        return text;
    }

    void refuse(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    /** Throws the refusal listing every field at fault, if any. */
    void done() {
        if (!errors.isEmpty()) {
            throw PublicProblems.invalid(errors);
        }
    }
}
